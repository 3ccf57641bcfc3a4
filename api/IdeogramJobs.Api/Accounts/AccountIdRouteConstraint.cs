using System.Globalization;

namespace IdeogramJobs.Api.Accounts;

/// <summary>
/// <c>{accountId:accountId}</c>: a route value that cannot be an account id (see
/// <see cref="AccountIdFormat"/>), such as <c>..</c>, does not match, so the request is a 404.
/// </summary>
public sealed class AccountIdRouteConstraint : IRouteConstraint
{
    public const string Name = "accountId";

    public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection) =>
        values.TryGetValue(routeKey, out var value)
        && AccountIdFormat.IsValid(Convert.ToString(value, CultureInfo.InvariantCulture));
}
