using System.Globalization;
using System.Net;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.OpenApi;

namespace ChatBot.Api;

/// <summary>
/// Protection for a public API, from ASP.NET Core's own parts: API-key authentication and an authorization policy,
/// the built-in rate limiter (fixed windows per key, or per client address without one; separate for search and
/// ask; 429 with Retry-After), Kestrel's body and request-line limits, CORS only for configured origins, and
/// security headers on every response.
/// </summary>
public static class ApiProtection
{
    /// <summary>The authorization policy every <c>/api</c> endpoint carries.</summary>
    public const string ClientPolicy = "ApiClient";

    /// <summary>The rate limiter policy for search and document reads.</summary>
    public const string SearchLimit = "search";

    /// <summary>The rate limiter policy for ask.</summary>
    public const string AskLimit = "ask";

    /// <summary>
    /// A Content-Security-Policy fit for JSON and for a server-rendered page at <c>/</c> that loads its own scripts,
    /// styles and images (same origin only; no inline script, no framing, no plugins).
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>Registers authentication, authorization, rate limits, Kestrel limits, CORS and the OpenAPI security schemes.</summary>
    public static WebApplicationBuilder AddApiProtection(this WebApplicationBuilder builder)
    {
        var api = builder.Configuration.GetSection(ApiOptions.Section).Get<ApiOptions>() ?? new ApiOptions();
        var services = builder.Services;
        services.AddOptions<ApiOptions>().BindConfiguration(ApiOptions.Section)
            .Validate(o => o.MaxRequestBodyBytes >= 1024, "ChatBot:Api:MaxRequestBodyBytes must be at least 1024")
            .Validate(o => o.MaxRequestLineBytes >= 256, "ChatBot:Api:MaxRequestLineBytes must be at least 256")
            .Validate(o => o.Limits.MaxRoles >= 1 && o.Limits.MaxQueryLength is >= 1 and <= ChatBot.Retrieval.SearchQuery.MaxQueryLength && o.Limits.MaxFilterLength >= 1,
                $"ChatBot:Api:Limits: MaxRoles and MaxFilterLength must be at least 1, MaxQueryLength 1 to {ChatBot.Retrieval.SearchQuery.MaxQueryLength}")
            .Validate(o => o.Search.PermitLimit >= 0 && o.Search.WindowSeconds >= 1 && o.Ask.PermitLimit >= 0 && o.Ask.WindowSeconds >= 1,
                "ChatBot:Api:Search and Ask: PermitLimit must be 0 (off) or more, WindowSeconds at least 1")
            .ValidateOnStart();

        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Limits.MaxRequestBodySize = api.MaxRequestBodyBytes;
            k.Limits.MaxRequestLineSize = api.MaxRequestLineBytes;
        });

        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder().AddPolicy(ClientPolicy, policy => policy.RequireAssertion(context =>
        {
            if (context.User.Identity?.IsAuthenticated == true) return true;
            if (context.Resource is not HttpContext http) return false;
            // A key that was sent must be valid; without one, a key is needed when configured, or (unset) when the
            // request did not arrive on a loopback address.
            if (ApiKeyAuthenticationHandler.PresentedKey(http.Request) is not null) return false;
            return !(api.RequireKey ?? !IsLoopback(http.Connection.LocalIpAddress));
        }));

        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (context, cancellationToken) =>
            {
                var response = context.HttpContext.Response;
                int seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)) : 1;
                response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                await context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context.HttpContext,
                    ProblemDetails = new ProblemDetails
                    {
                        Status = StatusCodes.Status429TooManyRequests,
                        Title = "Too many requests",
                        Detail = $"The rate limit for this key (or address) is reached; retry after {seconds} s.",
                    },
                });
            };
            o.AddPolicy(SearchLimit, http => Partition(http, api.Search));
            o.AddPolicy(AskLimit, http => Partition(http, api.Ask));
        });

        if (api.AllowedOrigins.Count > 0)
        {
            services.AddCors(o => o.AddDefaultPolicy(p => p.WithOrigins([.. api.AllowedOrigins]).WithMethods("GET", "POST")
                .WithHeaders("Content-Type", "Authorization", ApiKeyAuthenticationHandler.HeaderName).WithExposedHeaders("Retry-After")));
        }

        services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes["ApiKey"] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Header, Name = ApiKeyAuthenticationHandler.HeaderName,
                Description = "An API key made with `apikey create`.",
            };
            document.Components.SecuritySchemes["Bearer"] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http, Scheme = "bearer", Description = "The same API key as 'Authorization: Bearer KEY'.",
            };
            document.Security ??= [];
            document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("ApiKey", document)] = [] });
            document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("Bearer", document)] = [] });
            return Task.CompletedTask;
        }));
        return builder;
    }

    /// <summary>Security headers, CORS (when configured), authentication, authorization and rate limits, in that order.</summary>
    public static WebApplication UseApiProtection(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XFrameOptions = "DENY";
            return next(context);
        });
        if (app.Services.GetService<Microsoft.AspNetCore.Cors.Infrastructure.ICorsService>() is not null) app.UseCors();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        return app;
    }

    /// <summary>Who a request counts against: its key's id, else the client's address.</summary>
    public static string ClientOf(HttpContext http) =>
        http.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } keyId ? "key:" + keyId : "ip:" + http.Connection.RemoteIpAddress;

    private static RateLimitPartition<string> Partition(HttpContext http, RateLimitRule rule)
    {
        var client = ClientOf(http);
        return rule.PermitLimit <= 0
            ? RateLimitPartition.GetNoLimiter(client)
            : RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = rule.PermitLimit,
                Window = TimeSpan.FromSeconds(rule.WindowSeconds),
                QueueLimit = 0,
                AutoReplenishment = true,
            });
    }

    private static bool IsLoopback(IPAddress? address) => address is not null && IPAddress.IsLoopback(address);
}
