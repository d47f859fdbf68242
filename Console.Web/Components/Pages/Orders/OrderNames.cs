using Microsoft.Extensions.Localization;

namespace Console.Web.Components.Pages.Orders;

/// <summary>Codes stored on orders, shown by name; a code with no name yet is shown as stored rather than as a resource key.</summary>
public static class OrderNames
{
    public static readonly string[] Statuses =
    [
        Console.Domain.Orders.OrderStatus.Paid, Console.Domain.Orders.OrderStatus.AwaitingGroup, Console.Domain.Orders.OrderStatus.RefundDue,
        Console.Domain.Orders.OrderStatus.PartiallyRefunded, Console.Domain.Orders.OrderStatus.Refunded,
    ];

    public static string Status(IStringLocalizer o, string code) => Named(o, "Status." + code, code);

    public static string Channel(IStringLocalizer o, string code) => Named(o, "Channel." + code, code);

    public static string TeamState(IStringLocalizer o, string code) => Named(o, "Team." + code, code);

    private static string Named(IStringLocalizer o, string key, string code) => o[key] is { ResourceNotFound: false } name ? name.Value : code;
}
