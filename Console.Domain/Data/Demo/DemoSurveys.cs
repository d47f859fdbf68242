using System.Data;
using System.Globalization;
using System.Text.Json;
using Dapper;

namespace Console.Domain.Data.Demo;

/// <summary>
/// Two demo surveys with about 3,000 answers: an NPS after live sessions and a course-satisfaction questionnaire, in
/// Chinese and English. Scores and free text follow what the customer did: a refunded order mostly brings a
/// detractor and a complaint, a repeat purchase mostly a promoter and praise, so the cross-tabs have something to show.
/// The answers are stored unanalysed; the analysis job scores and groups them on its first run.
/// </summary>
internal static class DemoSurveys
{
    private const int NpsAnswers = 1_800;
    private const int CsatAnswers = 1_200;
    private const int Stream = 23;

    private sealed record Bought
    {
        public long CustomerId { get; init; }
        public long CourseId { get; init; }
        public long? LiveSessionId { get; init; }
        public bool Refunded { get; init; }
        public long Orders { get; init; }
        public DateTime PaidAt { get; init; }
    }

    public static int Write(IDbConnection connection, IDbTransaction tx, DemoPlan plan)
    {
        var bought = connection.Query<Bought>(
            """
            SELECT o.customer_id AS CustomerId, o.course_id AS CourseId, o.live_session_id AS LiveSessionId,
                   CASE WHEN o.refunded > 0 THEN 1 ELSE 0 END AS Refunded,
                   (SELECT COUNT(*) FROM orders p WHERE p.customer_id = o.customer_id) AS Orders, o.paid_at AS PaidAt
            FROM orders o ORDER BY o.id
            """, transaction: tx).ToList();
        var now = plan.EndUtc;
        var nps = Survey(connection, tx, "NPS after live sessions · 直播后 NPS", "after_live_session", now,
        [
            ("nps", "nps", "How likely are you to recommend this live class to a friend?", "您向朋友推荐这场直播课的可能性有多大？", "[]", true),
            ("liked", "multi_choice", "What did you like?", "您喜欢哪些方面？", Options(("teacher", "The teacher", "讲师"), ("content", "The content", "内容"),
                ("price", "The price", "价格"), ("qa", "The Q&A", "答疑")), false),
            ("comment", "text", "What should we keep or change?", "有什么值得保留或需要改进的？", "[]", false),
        ]);
        var csat = Survey(connection, tx, "Course satisfaction · 课程满意度", "manual", now,
        [
            ("csat", "csat", "How satisfied are you with the course?", "您对这门课程满意吗？", "[]", true),
            ("teacher", "rating", "Rate the teacher", "请给讲师打分", "[]", false),
            ("format", "single_choice", "Which format suits you best?", "哪种形式最适合您？", Options(("live", "Live", "直播"), ("video", "Recorded video", "录播"),
                ("both", "Both", "都可以")), false),
            ("comment", "text", "Anything else about the course?", "关于课程还有什么想说的？", "[]", false),
        ]);
        var live = bought.Where(b => b.LiveSessionId is not null).ToList();
        var other = bought.Where(b => b.LiveSessionId is null).ToList();
        var written = Answers(connection, tx, plan, nps, Sample(live, NpsAnswers, plan.Seed, 1), isNps: true);
        written += Answers(connection, tx, plan, csat, Sample(other.Count > 0 ? other : live, CsatAnswers, plan.Seed, 2), isNps: false);
        return written;
    }

    private static List<Bought> Sample(List<Bought> from, int count, int seed, int stream)
    {
        var rng = DemoRandom.For(seed, Stream, stream);
        return from.Count <= count ? from : from.Select(b => (b, k: rng.NextDouble())).OrderBy(x => x.k).Take(count).Select(x => x.b)
            .OrderBy(b => b.PaidAt).ToList();
    }

    private static string Options(params (string Value, string En, string Zh)[] options) =>
        JsonSerializer.Serialize(options.Select(o => new { value = o.Value, en = o.En, zh = o.Zh }));

    private static long Survey(IDbConnection connection, IDbTransaction tx, string name, string trigger, DateTime now,
        (string Key, string Kind, string En, string Zh, string Options, bool Required)[] questions)
    {
        connection.Execute(
            """
            INSERT INTO surveys (name, status, trigger_kind, delay_minutes, created_at, updated_at) VALUES (@name, 'open', @trigger, 30, @now, @now)
            """, new { name, trigger, now }, tx);
        var id = connection.ExecuteScalar<long>("SELECT MAX(id) FROM surveys", transaction: tx);
        connection.Execute(
            """
            INSERT INTO survey_questions (survey_id, position, question_key, kind, text_en, text_zh, options_json, required)
            VALUES (@id, @position, @Key, @Kind, @En, @Zh, @Options, @Required)
            """, questions.Select((q, position) => new { id, position, q.Key, q.Kind, q.En, q.Zh, q.Options, q.Required }), tx);
        if (trigger == "after_live_session")
            connection.Execute(
                """
                INSERT INTO survey_trigger_courses (survey_id, course_id) SELECT @id, id FROM courses
                """, new { id }, tx);
        return id;
    }

    private static int Answers(IDbConnection connection, IDbTransaction tx, DemoPlan plan, long surveyId, List<Bought> who, bool isNps)
    {
        var rows = new List<object>(who.Count);
        for (var i = 0; i < who.Count; i++)
        {
            var b = who[i];
            var rng = DemoRandom.For(plan.Seed, Stream, (int)(surveyId * 100_000 + i));
            var at = b.PaidAt.AddHours(rng.Uniform(2, 72));
            if (at >= plan.EndUtc) continue;
            // Refunds pull towards detractors, repeat purchases towards promoters.
            var mood = (b.Refunded ? -1.6 : 0) + (b.Orders >= 2 ? 0.9 : 0) + rng.Normal() * 0.9 + 0.35;
            var category = mood > 0.6 ? 2 : mood > -0.3 ? 1 : 0;
            var chinese = rng.Chance(0.72);
            var text = rng.Chance(0.62) ? DemoFeedbackText.Write(rng, category, chinese) : null;
            var answers = new Dictionary<string, object>();
            int? nps = null, csat = null;
            if (isNps)
            {
                nps = category switch { 2 => rng.Next(9, 11), 1 => rng.Next(7, 9), _ => rng.Next(0, 7) };
                answers["nps"] = nps;
                var liked = new[] { "teacher", "content", "price", "qa" }.Where(_ => rng.Chance(category == 0 ? 0.15 : 0.45)).ToArray();
                if (liked.Length > 0) answers["liked"] = liked;
            }
            else
            {
                csat = category switch { 2 => rng.Next(4, 6), 1 => rng.Next(3, 5), _ => rng.Next(1, 3) };
                answers["csat"] = csat;
                if (rng.Chance(0.8)) answers["teacher"] = Math.Clamp(csat.Value + rng.Next(-1, 2), 1, 5);
                if (rng.Chance(0.7)) answers["format"] = rng.Pick(["live", "video", "both"]);
            }
            if (text is not null) answers["comment"] = text;
            rows.Add(new
            {
                surveyId, responseId = $"demo-{surveyId}-{i + 1}", customerId = b.CustomerId, sessionId = b.LiveSessionId, courseId = b.CourseId,
                language = chinese ? "zh-Hans" : "en", answersJson = JsonSerializer.Serialize(answers), text, nps, csat, at,
            });
        }
        connection.Execute(
            """
            INSERT INTO survey_responses (survey_id, response_id, customer_id, live_session_id, course_id, language, answers_json, free_text,
                nps_score, csat_score, analysed, submitted_at, received_at)
            VALUES (@surveyId, @responseId, @customerId, @sessionId, @courseId, @language, @answersJson, @text, @nps, @csat, 0, @at, @at)
            """, rows, tx);
        return rows.Count;
    }
}

/// <summary>Feedback sentences from templates: a category (0 detractor, 1 passive, 2 promoter) picks the tone, slots the detail.</summary>
internal static class DemoFeedbackText
{
    private static readonly string[][] Zh =
    [
        [
            "{a}讲得太快了，完全跟不上，而且价格偏贵", "直播卡顿好几次，声音也不清楚，体验很差", "内容和宣传不符，{a}基本没讲，已经申请退款",
            "课后答疑没人回复，有点失望", "太基础了，{a}网上都能找到，不值这个价", "老师一直在推销课程，干货太少", "回放看不了，客服也联系不上",
        ],
        [
            "整体还行，{a}可以再深入一点", "内容一般，希望多一些实操", "时间有点长，中间可以休息一下", "{a}还可以，就是节奏有点慢",
            "有收获，但{a}讲得不够细",
        ],
        [
            "老师讲得很清楚，{a}特别实用，已经推荐给同事了", "直播节奏刚好，{a}讲透了，性价比很高", "第二次买这个老师的课了，{a}部分收获很大",
            "案例很贴近工作，{a}马上就能用上，谢谢老师", "内容干货满满，答疑也很耐心", "讲解生动有趣，{a}一听就懂",
        ],
    ];

    private static readonly string[][] En =
    [
        [
            "{a} went far too fast and the price is too high", "The stream kept freezing and the sound was bad", "Not what was advertised, {a} was barely covered, asking for a refund",
            "Nobody answered my questions after class, disappointing", "Too basic, {a} is free online, not worth the money", "Too much selling and too little teaching",
        ],
        [
            "It was okay, {a} could go deeper", "Average content, I would like more hands-on practice", "A bit long, a break in the middle would help",
            "{a} was fine but the pace was slow",
        ],
        [
            "The teacher explained everything clearly and {a} was really useful, already recommended it", "Great pace, {a} was covered well, good value",
            "My second course with this teacher, learned a lot from {a}", "Examples close to real work, I can use {a} right away, thank you",
            "Packed with useful content and patient answers", "Fun and clear, {a} finally makes sense",
        ],
    ];

    private static readonly string[] ZhAspects = ["案例", "练习", "课件", "答疑环节", "实操演示", "基础概念", "项目实战", "作业点评"];
    private static readonly string[] EnAspects = ["the examples", "the exercises", "the slides", "the Q&A", "the live demo", "the basics", "the project", "the homework review"];
    private static readonly string[] ZhEnds = ["", "！", "。", "，下次还来", "，期待下一期", "~"];
    private static readonly string[] EnEnds = ["", "!", ".", " :)", ", see you next time", "."];

    public static string Write(Random rng, int category, bool chinese)
    {
        var template = rng.Pick(chinese ? Zh[category] : En[category]);
        var text = template.Replace("{a}", rng.Pick(chinese ? ZhAspects : EnAspects), StringComparison.Ordinal);
        if (!chinese && text.Length > 0) text = char.ToUpper(text[0], CultureInfo.InvariantCulture) + text[1..];
        return text + rng.Pick(chinese ? ZhEnds : EnEnds);
    }
}
