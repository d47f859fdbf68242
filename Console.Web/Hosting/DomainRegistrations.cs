namespace Console.Web.Hosting;

/// <summary>One line per capability service; they are all stateless over the store, hence singletons.</summary>
internal static class DomainRegistrations
{
    public static void Add(IServiceCollection services)
    {
        services.AddSingleton<Console.Domain.Admin.UserList>();
        services.AddSingleton<Console.Domain.Admin.UserRoleChange>();
        services.AddSingleton<Console.Domain.Admin.UserDisable>();
        services.AddSingleton<Console.Domain.Admin.UserPasswordReset>();
        services.AddSingleton<Console.Domain.Admin.SignInCheck>();
        services.AddSingleton<Console.Domain.Admin.AuditLog>();
    }
}
