using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace IdeogramJobs.Api.Authentication;

public static class ApiKeyAuthenticationExtensions
{
    /// <summary>
    /// API-key authentication (ADMIN_API_KEY validated at start) and the three policies of
    /// <see cref="ApiKeyDefaults"/>; refusals are RFC 7807 problems.
    /// </summary>
    public static IServiceCollection AddApiKeyAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AdminKeyOptions>().Bind(configuration).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AdminKeyOptions>, AdminKeyOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ServiceAdminKey>();
        services.AddSingleton<ApiKeyCache>();
        services.AddSingleton<ApiKeyUseRecorder>();

        services.AddAuthentication(ApiKeyDefaults.Scheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyDefaults.Scheme, configureOptions: null);

        services.AddSingleton<IAuthorizationHandler, ActingAccountHandler>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ApiKeyAuthorizationResultHandler>();

        var actingAccount = new ActingAccountRequirement();
        var accountAdmin = new ApiKeyRoleRequirement(
            "Changing the account's job types needs an admin key of the account (this key has the user role).",
            ApiKeyDefaults.AccountAdminRole, ApiKeyDefaults.ServiceAdminRole);
        var serviceAdmin = new ApiKeyRoleRequirement("Service administration needs the service admin key.", ApiKeyDefaults.ServiceAdminRole);

        services.AddAuthorizationBuilder()
            .AddPolicy(ApiKeyDefaults.AccountPolicy, policy => ApiKeys(policy).AddRequirements(actingAccount))
            .AddPolicy(ApiKeyDefaults.AccountAdminPolicy, policy => ApiKeys(policy).AddRequirements(actingAccount, accountAdmin))
            .AddPolicy(ApiKeyDefaults.ServiceAdminPolicy, policy => ApiKeys(policy).AddRequirements(serviceAdmin));
        return services;
    }

    public static IApplicationBuilder UseApiKeyAuthentication(this IApplicationBuilder app) =>
        app.UseAuthentication().UseAuthorization();

    private static AuthorizationPolicyBuilder ApiKeys(AuthorizationPolicyBuilder policy) =>
        policy.AddAuthenticationSchemes(ApiKeyDefaults.Scheme).RequireAuthenticatedUser();
}
