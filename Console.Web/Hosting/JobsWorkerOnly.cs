namespace Console.Web.Hosting;

/// <summary>A worker node runs jobs only: it answers its health checks and nothing else (no API, no UI).</summary>
internal sealed class JobsWorkerOnly : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, nextMiddleware) =>
        {
            if (context.Request.Path.StartsWithSegments("/health")) await nextMiddleware(context);
            else context.Response.StatusCode = StatusCodes.Status404NotFound;
        });
        next(app);
    };
}
