using Console.Domain.Data;
using Console.Domain.Orders;

namespace Console.Domain.Partners;

/// <summary>A KOL as a client or the console sends it; on update, a field left out keeps its value.</summary>
public sealed record KolInput(string? ExternalId = null, string? Name = null, string? Platform = null, string? Handle = null,
    string? Email = null, string? Phone = null, string? CustomerExternalId = null, string? Status = null);

/// <summary>The checked values of a KOL input; null means "not given".</summary>
internal sealed record KolValues(string? ExternalId, string? Name, string? Platform, string? Handle, string? Email, string? Phone,
    string? CustomerExternalId, string? Status)
{
    public static KolValues Check(KolInput input, OrderFields fields, bool creating)
    {
        var externalId = creating ? fields.Required("externalId", input.ExternalId) : fields.Optional("externalId", input.ExternalId);
        var name = creating ? fields.Required("name", input.Name, 200) : fields.Optional("name", input.Name, 200);
        var platform = input.Platform is null ? null : fields.OneOf("platform", input.Platform, "other", KolWords.Platforms);
        var status = input.Status is null ? null : fields.OneOf("status", input.Status, KolWords.Active, KolWords.Statuses);
        return new KolValues(externalId, name, platform, fields.Optional("handle", input.Handle, 200),
            fields.Optional("email", input.Email, 320), fields.Optional("phone", input.Phone, 50),
            fields.Optional("customerExternalId", input.CustomerExternalId), status);
    }

    /// <summary>What the audit log keeps: that an address or number was given or changed, never the value itself.</summary>
    public KolValues ForAudit() => this with { Email = Email is null ? null : "(sealed)", Phone = Phone is null ? null : "(sealed)" };

    /// <summary>The customer account's row id; an unknown one is a field error.</summary>
    public async Task<long?> CustomerIdAsync(Statements run, OrderFields fields, CancellationToken ct)
    {
        if (CustomerExternalId is null) return null;
        var id = await run.SingleOrDefaultAsync<long?>("SELECT id FROM customers WHERE external_id = @external", ct,
            ("external", CustomerExternalId));
        if (id is null) fields.Add("customerExternalId", FieldCodes.UnknownCustomers, CustomerExternalId);
        return id;
    }
}
