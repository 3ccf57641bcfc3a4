using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using IdeogramJobs.Api.Accounts;
using IdeogramJobs.Contracts.Admin;
using IdeogramJobs.Database.Accounts;
using IdeogramJobs.Database.Connections;
using IdeogramJobs.Database.Tenancy;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace IdeogramJobs.Api.Authentication;

/// <summary>
/// Authenticates the key of a request (see <see cref="PresentedApiKey"/>). ADMIN_API_KEY is the
/// service admin, acting on the account named by X-Account-Id when it sends one; any other key is
/// looked up by its hash and acts on its own account with its role. A request without a key is
/// anonymous; a malformed or unknown key fails. Keys are never logged or echoed.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    ServiceAdminKey adminKey,
    IApiKeyStore store,
    ApiKeyCache cache,
    ApiKeyUseRecorder uses,
    IProblemDetailsService problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    public const string UnknownKeyMessage = "The API key is not known or has been revoked.";

    private const string MissingKeyMessage =
        "This endpoint needs an API key: send it as 'Authorization: Bearer <key>' or in the 'X-Api-Key' header.";

    private const string Challenge = "Bearer realm=\"ideogram-jobs\"";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = PresentedApiKey.From(Request);
        if (presented.Problem is not null)
        {
            return AuthenticateResult.Fail(presented.Problem);
        }

        if (presented.Key is not { } key)
        {
            return AuthenticateResult.NoResult();
        }

        if (adminKey.Matches(key))
        {
            return Success(ServiceAdminClaims());
        }

        var hash = ApiKey.Hash(key);
        if (!cache.TryGet(hash, out var identity))
        {
            try
            {
                identity = await store.FindAsync(hash, Context.RequestAborted);
                if (identity is not null)
                {
                    cache.Remember(hash, identity);
                }
            }
            catch (Exception e) when (DatabaseUnavailable.Is(e) && cache.TryGetLastKnown(hash, out var lastKnown))
            {
                // Nobody can revoke a key while the database is down, so its last known owner still holds:
                // status reads and streams answered from the grains keep working through the outage.
                identity = lastKnown;
            }
        }

        if (identity is null)
        {
            return AuthenticateResult.Fail(UnknownKeyMessage);
        }

        await uses.RecordAsync(identity.KeyId, Context.RequestAborted);
        return Success(AccountKeyClaims(identity));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers[HeaderNames.WWWAuthenticate] = result.Failure is null ? Challenge : Challenge + ", error=\"invalid_token\"";
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails =
            {
                Status = StatusCodes.Status401Unauthorized,
                Title = "An API key is required.",
                Detail = result.Failure?.Message ?? MissingKeyMessage,
            },
        });
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ApiKeyAuthorizationResultHandler.WriteForbiddenAsync(Context, problems, "This key may not do this.", insufficientScope: true);

    private List<Claim> ServiceAdminClaims()
    {
        var claims = new List<Claim> { new(ApiKeyDefaults.RoleClaim, ApiKeyDefaults.ServiceAdminRole) };
        var named = Request.Headers[ApiKeyDefaults.AccountHeader];
        // An unusable header adds no account; the account policy then says what is wrong with it.
        if (named.Count == 1 && AccountIdFormat.IsValid(named.ToString()))
        {
            claims.Add(new Claim(ApiKeyDefaults.AccountClaim, named.ToString()));
        }

        return claims;
    }

    private static List<Claim> AccountKeyClaims(ApiKeyIdentity identity) =>
    [
        new(ApiKeyDefaults.AccountClaim, identity.AccountId),
        new(ApiKeyDefaults.RoleClaim, identity.Role == ApiKeyRole.Admin ? ApiKeyDefaults.AccountAdminRole : ApiKeyDefaults.UserRole),
        new(ApiKeyDefaults.KeyIdClaim, identity.KeyId.ToString(CultureInfo.InvariantCulture)),
        new(ApiKeyDefaults.AccountActiveClaim, identity.AccountIsActive ? "true" : "false"),
    ];

    private AuthenticateResult Success(List<Claim> claims) =>
        AuthenticateResult.Success(new AuthenticationTicket(
            new ClaimsPrincipal(new ClaimsIdentity(claims, ApiKeyDefaults.Scheme)),
            ApiKeyDefaults.Scheme));
}
