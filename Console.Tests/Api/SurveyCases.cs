namespace Console.Tests.Api;

/// <summary>The survey definition and the responses that platforms post, as API.md "Surveys and feedback" describes their fields.</summary>
public static class SurveyCases
{
    private static void Add(List<KeyValuePair<string, J>> m, string key, J value) => m.Add(KeyValuePair.Create(key, value));

    private static Special Set(string note, Verdict verdict, string field, string key, J? value) =>
        new(note, verdict, field, (m, _) => Mutation.Set(m, key, value));

    private static J Text(string en, string zh) => J.Object(("en", J.Text(en)), ("zh-Hans", J.Text(zh)));

    private static J Question(string key, string kind, params J[] options) => options.Length == 0
        ? J.Object(("key", J.Text(key)), ("kind", J.Text(kind)), ("text", Text("How was it?", "怎么样？")))
        : J.Object(("key", J.Text(key)), ("kind", J.Text(kind)), ("text", Text("Pick one", "选一个")), ("options", J.Array(options)));

    private static J Option(string value) => J.Object(("value", J.Text(value)), ("text", Text(value, value)));

    private static J Answers(int nps, string? why) => why is null
        ? J.Object(("nps", J.Num(nps)))
        : J.Object(("nps", J.Num(nps)), ("why", J.Text(why)));

    public static ObjectEndpoint[] All(Known known) =>
    [
        new("POST /api/v1/surveys", HttpMethod.Post, _ => "/api/v1/surveys",
            [new("name", Kind.Text, Required: true, MaxLength: 200), new("status", Kind.Word, Allowed: ["draft", "open", "closed"])],
            ["results", "$type"],
            [
                Set("no questions", Verdict.Refused, "questions", "questions", J.EmptyArray),
                Set("questions left out", Verdict.Refused, "questions", "questions", null),
                Set("a question of another kind", Verdict.Refused, "questions[0].kind", "questions", J.Array(Question("q1", "essay"))),
                Set("a key with capitals", Verdict.Refused, "questions[0].key", "questions", J.Array(Question("Q One", "nps"))),
                Set("one key twice", Verdict.Refused, "questions[1].key", "questions", J.Array(Question("q1", "nps"), Question("q1", "text"))),
                Set("a choice with one option", Verdict.Refused, "questions[0].options", "questions", J.Array(Question("q1", "single_choice", Option("a")))),
                Set("a question that is null", Verdict.Refused, "questions[0]", "questions", J.Array(J.Null)),
                Set("51 questions", Verdict.Refused, "questions", "questions", J.Array([.. Enumerable.Range(0, 51).Select(i => Question($"q{i}", "text"))])),
                Set("a question without its Chinese text", Verdict.Refused, "questions[0].text.zh-Hans", "questions",
                    J.Array(J.Object(("key", J.Text("q1")), ("kind", J.Text("nps")), ("text", J.Object(("en", J.Text("Rate us"))))))),
                Set("a trigger after live sessions of no course", Verdict.Refused, "trigger.courseExternalIds", "trigger",
                    J.Object(("kind", J.Text("after_live_session")))),
                Set("a delay of -1 minutes", Verdict.Refused, "trigger.delayMinutes", "trigger",
                    J.Object(("kind", J.Text("after_live_session")), ("courseExternalIds", J.Texts(Known.Course)), ("delayMinutes", J.Num(-1)))),
                Set("a delay past int", Verdict.Refused, "trigger.delayMinutes", "trigger",
                    J.Object(("kind", J.Text("manual")), ("delayMinutes", J.Lit("2147483648")))),
            ],
            (rng, _) =>
            {
                List<KeyValuePair<string, J>> m =
                [
                    new("name", J.Text(ValidValues.Text(rng, 200))),
                    new("questions", rng.Next(2) == 0
                        ? J.Array(Question("nps", "nps"), Question("why", "text"))
                        : J.Array(Question("csat", "csat"), Question("pick", "multi_choice", Option("a"), Option("b"), Option("直播")))),
                ];
                if (rng.Next(2) == 0) Add(m, "status", J.Text(ValidValues.Pick(rng, "draft", "open", "closed")));
                if (rng.Next(4) == 0)
                    Add(m, "trigger", J.Object(("kind", J.Text("after_live_session")), ("courseExternalIds", J.Texts(Known.Course)), ("delayMinutes", J.Num(rng.Next(0, 600)))));
                return m;
            }, Stored.Nothing, ReadOnly: false, ["name", "questions"], Manage: true),

        new("POST /api/v1/surveys/{id}/responses", HttpMethod.Post, _ => $"/api/v1/surveys/{known.Survey}/responses",
            [new("responseId", Kind.Id, Required: true), new("customerExternalId", Kind.Id), new("submittedAt", Kind.Time)],
            ["score", "$type"],
            [
                Set("an NPS of 11", Verdict.Refused, "answers.nps", "answers", Answers(11, null)),
                Set("an NPS of -1", Verdict.Refused, "answers.nps", "answers", Answers(-1, null)),
                Set("an NPS as text", Verdict.Refused, "answers.nps", "answers", J.Object(("nps", J.Text("ten")))),
                Set("the required NPS left out", Verdict.Refused, "answers.nps", "answers", J.Object(("why", J.Text("好")))),
                Set("an answer to no question", Verdict.Refused, "answers.bogus", "answers", J.Object(("nps", J.Num(9)), ("bogus", J.Text("x")))),
                Set("a text answer of 2,001 characters", Verdict.Refused, "answers.why", "answers", Answers(9, new string('好', 2_001))),
                Set("answers as a list", Verdict.Refused, "answers", "answers", J.Array(J.Num(9))),
                Set("answers left out", Verdict.Refused, "answers", "answers", null),
                Set("an unknown live session", Verdict.Refused, "liveSessionExternalId", "liveSessionExternalId", J.Text("no-such-session")),
                Set("an unknown course", Verdict.Refused, "courseExternalId", "courseExternalId", J.Text("no-such-course")),
                Set("a short time", Verdict.Refused, "submittedAt", "submittedAt", J.Text("T1")),
                Set("a time a week ahead", Verdict.Refused, "submittedAt", "submittedAt", J.Text("2099-01-01T00:00:00Z")),
            ],
            (rng, c) =>
            {
                List<KeyValuePair<string, J>> m =
                [
                    new("responseId", J.Text(ValidValues.Id(rng, $"fzr{c}x{rng.Next(100_000)}"))),
                    new("answers", Answers(rng.Next(0, 11), rng.Next(2) == 0 ? null : ValidValues.Text(rng, 2000))),
                ];
                if (rng.Next(3) == 0) Add(m, "liveSessionExternalId", J.Text(Known.LiveSession));
                if (rng.Next(3) == 0) Add(m, "submittedAt", J.Text("2026-11-30T20:15:00+08:00"));
                return m;
            }, Stored.Nothing, ReadOnly: false, ["responseId", "answers"]),
    ];
}
