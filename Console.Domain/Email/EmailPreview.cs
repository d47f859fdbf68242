using Console.Domain.Data;
using Console.Domain.Recommendations;

namespace Console.Domain.Email;

/// <summary>A campaign's message rendered for one customer: the editor's preview and the test send.</summary>
public sealed record RenderedEmail(string Subject, string Html, string Text, string CustomerLabel);

public sealed class EmailPreview(StatementRunner runner, CourseCards courses, PersonalData personal, IUnsubscribeLinks? links = null)
{
    private sealed record CustomerRow
    {
        public long Id { get; init; }
        public string ExternalId { get; init; } = "";
        public string? Name { get; init; }
        public string? Email { get; init; }
        public string? City { get; init; }
    }

    private const string CustomerSql =
        """
        SELECT id AS Id, external_id AS ExternalId, name AS Name, email AS Email, city AS City FROM customers WHERE id = @id
        """;

    private static readonly DialectSql FirstCustomerSql = new(d =>
        $"""
        SELECT id AS Id, external_id AS ExternalId, name AS Name, email AS Email, city AS City FROM customers
        WHERE email IS NOT NULL ORDER BY id {PageFragment.For(d, "0", "1")}
        """);

    /// <summary>Null when the templates do not parse; the sample is the customer given, else the first with an address.</summary>
    public async Task<RenderedEmail?> RenderAsync(string subject, string html, string? text, int recommendations, long? customerId,
        long? campaignId, CancellationToken ct)
    {
        if (!EmailTemplate.TryParse(subject, out var s, out _) || !EmailTemplate.TryParse(html, out var h, out _)) return null;
        var t = EmailTemplate.TryParse(text ?? HtmlBody.ToText(html), out var parsedText, out _) ? parsedText : null;
        if (t is null) return null;
        CustomerRow? customer;
        await using (var read = await runner.ReadAsync(ct))
            customer = customerId is { } id
                ? await read.SingleOrDefaultAsync<CustomerRow>(CustomerSql, ct, ("id", id))
                : await read.SingleOrDefaultAsync<CustomerRow>(FirstCustomerSql.For(read.Dialect), ct);
        if (customer is not null) customer = customer with { Email = personal.Open(customer.Email) };
        customer ??= new CustomerRow { Id = 0, ExternalId = "sample", Name = "Li Hua", Email = "li.hua@example.com", City = "Hangzhou" };
        var recommended = recommendations > 0
            ? (await courses.ForCustomerAsync(customer.ExternalId, recommendations, ct) ?? []).Select(c => new TemplateCourse(c.ExternalId, c.Title, c.Category)).ToList()
            : [];
        var model = new TemplateModel(customer.Id, customer.ExternalId, customer.Name, customer.Email, customer.City, recommended,
            "SAMPLE-CODE", links?.UrlFor(customer.Id, campaignId) ?? "https://example.com/u/sample");
        return new RenderedEmail(EmailTemplate.RenderText(s, model).ReplaceLineEndings(" ").Trim(), EmailTemplate.RenderHtml(h, model),
            EmailTemplate.RenderText(t, model), $"{customer.Name ?? customer.ExternalId} ({customer.ExternalId})");
    }
}

/// <summary>Sends one rendered message of a campaign to an address, marked as a test in its subject.</summary>
public sealed class TestSendEmail(GetEmailCampaign campaigns, EmailPreview preview, IOneOffMail mail)
{
    public enum Result { Sent, NotFound, NotRendered }

    public async Task<Result> ExecuteAsync(long id, string to, CancellationToken ct)
    {
        if (await campaigns.FindAsync(id, ct) is not { } view) return Result.NotFound;
        var c = view.Campaign;
        if (await preview.RenderAsync(c.Subject, c.Html, c.TextBody, c.Recommendations, null, c.Id, ct) is not { } rendered) return Result.NotRendered;
        await mail.SendAsync(new OneOffMail($"email-test:{id}:{Guid.NewGuid():N}", [to], "[TEST] " + rendered.Subject, rendered.Text,
            rendered.Html, []), ct);
        return Result.Sent;
    }
}
