using System.Net;
using Hangfire.Dashboard;

namespace Console.Web.Hosting;

/// <summary>The jobs dashboard answers only requests from this machine until console sign-in guards it.</summary>
public sealed class JobsDashboardAuthorization : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context) => IsLoopback(context.GetHttpContext().Connection.RemoteIpAddress);

    public static bool IsLoopback(IPAddress? address) =>
        address is not null && IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);
}
