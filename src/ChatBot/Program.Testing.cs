/// <summary>Lets tests reach the top-level program.</summary>
public partial class Program;
