using System.Globalization;
using System.Text;
using System.Text.Json;
using Console.Domain.Data;
using Console.Domain.Events;
using Console.Web.Api;

namespace Console.Tests.Events;

/// <summary>The one-pass event reader must answer exactly as deserialising each item into its record does.</summary>
public sealed class EventParsingTests
{
    private static readonly string[] Fields = ["eventId", "customerExternalId", "type", "occurredAt", "courseExternalId", "liveSessionExternalId", "value"];
    private static readonly byte[][] Names = IngestJson.Utf8Names(Fields);
    private static readonly string[] Types = ["like", "watch"];

    private static EventIn Create(string?[] v) => new(v[0], v[1], v[2], v[3], v[4], v[5], v[6]);

    [Theory]
    [InlineData("""[{"eventId":"a","customerExternalId":"c","type":"like","occurredAt":"2025-06-01T12:00:00Z"}]""")]
    [InlineData("""[{"eventId":"a","type":"watch","value":12.50,"extra":{"deep":[1,2]},"courseExternalId":null}]""")]
    [InlineData("""["an event", 3, null, [], {"eventId":"b","value":true}, {"eventId":"c","value":false}]""")]
    [InlineData("""[{"eventId":{"x":1}}, {"customerExternalId":[1], "value":{}}, {"value":[], "eventId":"d"}]""")]
    [InlineData("""[{"eventId":"dup","eventId":"last"}, {"eventId":{"a":1},"eventId":"fixed"}, {"eventId":"x","eventId":[1]}]""")]
    [InlineData("""[{"\u0065ventId":"escaped-name","type":"\u006cike","customerExternalId":"caf\u00e9 \ud83d\ude00"}]""")]
    [InlineData("""[ ]""")]
    [InlineData("""[{"value":-1.5e3},{"value":0},{"type":"Like"},{"type":"likes"}]""")]
    [InlineData("""[{"eventID":"a"},{"EventId":"b"},{"customer":"c"},{"zzz":1,"eventId":{}},{"eventId":[],"zzz":1}]""")]
    [InlineData("""[{"eventId":"\ud800"},{"eventId":"ok","value":"\udc00x"},{"type":"\ud83d"},{"eventId":"fine"}]""")]
    [InlineData("""[{"\ud800":"a"},{"eventId":"b","\ud800":1},{"\u0065vent":"c"}]""")]
    [InlineData("""[{"value":1e400},{"value":"\u0000"},{"eventId":"\ufffd"},{"\ufffd":1}]""")]
    public void One_pass_reading_matches_the_record_reading(string json) => AssertSame(Encoding.UTF8.GetBytes(json));

    [Fact]
    public void Bytes_that_are_not_UTF8_reject_their_item_alike_in_both_readers()
    {
        var json = Encoding.UTF8.GetBytes("""[{"eventId":"a#b"},{"eventId":"ok"},{"#x":1},{"type":"wa#ch"}]""");
        for (var i = 0; i < json.Length; i++)
            if (json[i] == (byte)'#') json[i] = 0xFF;
        var parsed = AssertSame(json);
        Assert.Equal([(0, "invalid_text"), (2, "invalid_text"), (3, "invalid_text")], parsed.Rejected.Select(r => (r.Index, r.Error)));
        Assert.Equal("ok", Assert.Single(parsed.Items).EventId);
    }

    [Fact]
    public void An_unknown_name_is_named_with_the_nearest_field()
    {
        var (parsed, _) = IngestJson.Parse("""[{"eventID":"a"},{"colour":"red"}]"""u8, Fields, Names, Create, Types);
        Assert.Equal(("unknown_field", "Unknown field 'eventID'; did you mean 'eventId'?"), (parsed!.Rejected[0].Error, parsed.Rejected[0].Message));
        Assert.Equal(("unknown_field", "Unknown field 'colour'."), (parsed.Rejected[1].Error, parsed.Rejected[1].Message));
    }

    private static IngestJson.Mapped<EventIn> AssertSame(byte[] json)
    {
        var (parsed, problem) = IngestJson.Parse(json, Fields, Names, Create, Types);
        var (expected, expectedProblem) = IngestJson.Read<EventIn>(json);

        Assert.Null(problem);
        Assert.Null(expectedProblem);
        Assert.Equal(expected!.Items, parsed!.Items);
        Assert.Equal(expected.Positions, parsed.Positions);
        Assert.Equal(expected.Rejected, parsed.Rejected);
        return parsed;
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("not json")]
    [InlineData("null")]
    [InlineData("""{"eventId":"a"}""")]
    [InlineData("\"just a string\"")]
    [InlineData("""[{"eventId":"a"},""")]
    [InlineData("""[{"eventId":"a"}] trailing""")]
    [InlineData("""[{"eventId":"a"}][]""")]
    [InlineData("""[{"eventId":"a",}]""")]
    [InlineData("[{\"eventId\":\"a\"} /* comment */]")]
    public void A_body_that_is_not_one_json_array_is_a_problem(string json)
    {
        var (parsed, problem) = IngestJson.Parse(Encoding.UTF8.GetBytes(json), Fields, Names, Create, Types);
        Assert.Null(parsed);
        Assert.False(string.IsNullOrEmpty(problem));
    }

    [Fact]
    public void More_than_5000_items_is_a_problem_that_counts_them()
    {
        var json = "[" + string.Join(",", Enumerable.Repeat("""{"eventId":"a"}""", 5_001)) + "]";
        var (parsed, problem) = IngestJson.Parse(Encoding.UTF8.GetBytes(json), Fields, Names, Create, Types);
        Assert.Null(parsed);
        Assert.Contains("5,001", problem);
    }

    [Fact]
    public void Known_texts_come_back_as_the_shared_instance()
    {
        var (parsed, _) = IngestJson.Parse("""[{"type":"watch"},{"type":"watch"}]"""u8, Fields, Names, Create, Types);
        Assert.Same(Types[1], parsed!.Items[0].Type);
        Assert.Same(Types[1], parsed.Items[1].Type);
    }

    [Theory]
    [InlineData("2025-06-01T20:15:00+08:00")]
    [InlineData("2025-06-01T20:15:00.123+08:00")]
    [InlineData("2025-06-01T20:15:00.1234567-05:30")]
    [InlineData("2025-06-01T20:15:00.12345678Z")]
    [InlineData("2025-06-01T00:00:00Z")]
    [InlineData("2025-06-01T00:00:00.5z")]
    [InlineData("2024-02-29T23:59:59+14:00")]
    [InlineData("2025-02-29T23:59:59+14:00")]
    [InlineData("2025-06-01T12:00:00+14:30")]
    [InlineData("2025-06-01T24:00:00Z")]
    [InlineData("2025-13-01T12:00:00Z")]
    [InlineData("2025-06-01T12:60:00Z")]
    [InlineData("2025-06-01T12:00:00.Z")]
    [InlineData("2025-06-01 12:00:00+08:00")]
    [InlineData("2025-06-01T12:00:00+0800")]
    [InlineData("0001-01-01T00:00:00+08:00")]
    [InlineData("9999-12-31T23:59:59-08:00")]
    [InlineData("2025-06-01T12:00Z")]
    public void Times_read_as_the_general_parser_reads_them(string text)
    {
        var general = DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value);
        Assert.Equal(general, IngestFields.TryParseTime(text, out var utc));
        if (general) Assert.Equal((DateTimeKind.Utc, value.UtcDateTime), (utc.Kind, utc));
    }

    [Fact]
    public void A_time_without_an_offset_is_refused_rather_than_guessed() =>
        Assert.False(IngestFields.TryParseTime("2025-06-01T12:00:00", out _));

    [Fact]
    public void The_fast_path_agrees_with_the_general_parser_on_many_random_times()
    {
        var random = new Random(7);
        for (var i = 0; i < 2_000; i++)
        {
            var at = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddTicks((long)(random.NextDouble() * TimeSpan.FromDays(365 * 40).Ticks));
            var offset = TimeSpan.FromMinutes(random.Next(-14 * 4, 14 * 4 + 1) * 15);
            var text = new DateTimeOffset(at).ToOffset(offset).ToString(i % 2 == 0 ? "yyyy-MM-dd'T'HH:mm:ss.fffzzz" : "O", CultureInfo.InvariantCulture);
            Assert.True(IsoTime.TryParse(text, out var fast), text);
            Assert.Equal(DateTimeOffset.Parse(text, CultureInfo.InvariantCulture).UtcDateTime, fast);
        }
    }
}
