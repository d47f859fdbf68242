using Console.Domain.Data;
namespace Console.Domain.Events;

/// <summary>
/// Resolves a batch's customers, courses, live sessions and claimed coupon codes from the ids <see cref="ExternalIds"/> remembers, before
/// the batch queues for the writer: on a busy feed nearly every reference is remembered, and work done here runs
/// beside the writer instead of inside its transaction.
/// </summary>
internal static class RememberedReferences
{
    /// <summary>The rows with their row ids, or null when any reference is not remembered and the writer must look it up.</summary>
    public static List<EventRow>? TryResolve(ExternalIds ids, ClaimedCodes codes, List<EventRow> rows)
    {
        var resolved = new List<EventRow>(rows.Count);
        foreach (var row in rows)
        {
            if (!ids.TryRememberedCustomer(row.Customer, out var customerId)) return null;
            long? courseId = null, sessionId = null;
            if (row.Course is not null)
            {
                if (!ids.TryRememberedCourse(row.Course, out var course)) return null;
                courseId = course;
            }
            if (row.Session is not null)
            {
                if (!ids.TryRememberedLiveSession(row.Session, out var session)) return null;
                sessionId = session;
            }
            long? campaignId = null;
            if (row.Coupon is not null)
            {
                if (!codes.TryRemembered(row.Coupon, out var campaign)) return null;
                campaignId = campaign;
            }
            resolved.Add(row with { CustomerId = customerId, CourseId = courseId, SessionId = sessionId, CouponCampaignId = campaignId });
        }
        return resolved;
    }
}
