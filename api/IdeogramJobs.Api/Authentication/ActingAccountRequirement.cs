using Microsoft.AspNetCore.Authorization;

namespace IdeogramJobs.Api.Authentication;

/// <summary>
/// The caller acts on an account it may use: an account key of an active account, or the service
/// admin naming an existing account in X-Account-Id. Checked by <see cref="ActingAccountHandler"/>.
/// </summary>
public sealed class ActingAccountRequirement : IAuthorizationRequirement;
