namespace Console.Domain.Data.Demo;

internal sealed record DemoCourse(int Id, string Title, int Category, long ListPrice, string Lecturer, double Appeal)
{
    public string ExternalId => $"demo-k-{Id:D3}";
}

/// <summary>Forty courses in six categories, prices from 99 to 2,999 yuan, and the pairs people buy together.</summary>
internal static class DemoCatalogue
{
    public static readonly string[] Categories = ["Programming", "Data & AI", "Design", "Marketing", "Finance", "Languages"];

    /// <summary>The same categories in Chinese, in the same order.</summary>
    public static readonly string[] ChineseCategories = ["编程开发", "数据与人工智能", "设计", "营销", "财务理财", "语言"];

    // (title, category index, list price in yuan, lecturer, appeal): appeal drives views, sessions and sales.
    private static readonly (string Title, int Category, int Yuan, string Lecturer, double Appeal)[] Rows =
    [
        ("Python 零基础入门", 0, 199, "陈明", 3.0),
        ("Python 数据分析实战", 0, 699, "陈明", 2.2),
        ("Java 高并发架构", 0, 1299, "王磊", 1.2),
        ("Go Microservices in Practice", 0, 999, "王磊", 0.8),
        ("前端工程化：React 与 TypeScript", 0, 899, "何静", 1.4),
        ("Rust Systems Programming", 0, 1499, "何静", 0.6),
        ("算法面试 100 讲", 0, 399, "何静", 1.8),
        ("机器学习基础", 1, 899, "李娜", 1.6),
        ("Deep Learning with PyTorch", 1, 1999, "李娜", 0.9),
        ("大模型应用开发", 1, 2999, "赵敏", 1.5),
        ("Prompt Engineering for Teams", 1, 299, "赵敏", 1.7),
        ("SQL 数据分析 21 天", 1, 299, "周婷", 2.0),
        ("Tableau 商业可视化", 1, 499, "周婷", 0.9),
        ("Data Engineering Bootcamp", 1, 2499, "王磊", 0.5),
        ("Figma UI 设计入门", 2, 399, "吴昊", 1.3),
        ("UX Research Essentials", 2, 699, "吴昊", 0.6),
        ("摄影与后期修图", 2, 599, "孙悦", 1.1),
        ("短视频剪辑：从剪映到 Premiere", 2, 299, "孙悦", 1.9),
        ("品牌视觉设计", 2, 1299, "周婷", 0.5),
        ("Procreate Illustration", 2, 499, "孙悦", 0.7),
        ("直播带货实战", 3, 999, "郭晶", 2.1),
        ("抖音运营从 0 到 1", 3, 699, "郭晶", 2.4),
        ("私域流量增长", 3, 1299, "郭晶", 1.2),
        ("Content Marketing Playbook", 3, 599, "马超", 0.7),
        ("小红书爆款笔记", 3, 399, "马超", 1.8),
        ("SEO & SEM Fundamentals", 3, 499, "马超", 0.6),
        ("社群运营 SOP", 3, 299, "郭晶", 1.0),
        ("个人理财入门", 4, 99, "黄涛", 2.6),
        ("基金定投实战", 4, 399, "黄涛", 1.7),
        ("财报分析 30 讲", 4, 799, "林芳", 1.0),
        ("Excel 财务建模", 4, 599, "林芳", 1.2),
        ("Personal Finance for Freelancers", 4, 199, "林芳", 0.6),
        ("CFA 一级冲刺", 4, 2999, "黄涛", 0.5),
        ("商务英语口语", 5, 699, "Emma Li", 1.6),
        ("IELTS 7+ Intensive", 5, 1999, "Emma Li", 1.0),
        ("日语 N5–N3 直通", 5, 1299, "田中优子", 0.9),
        ("Business Writing in English", 5, 499, "Emma Li", 0.6),
        ("零基础韩语", 5, 599, "金敏", 0.8),
        ("英语语法精讲", 5, 199, "Emma Li", 1.5),
        ("雅思写作 7 分", 5, 899, "Emma Li", 0.9),
    ];

    public static readonly IReadOnlyList<DemoCourse> Courses =
        Rows.Select((r, i) => new DemoCourse(i + 1, r.Title, r.Category, r.Yuan * 100L, r.Lecturer, r.Appeal)).ToList();

    /// <summary>Course ids bought together: the second follows the first (and the first the second) far above chance.</summary>
    public static readonly (int A, int B)[] Pairs = [(1, 2), (8, 9), (12, 13), (21, 22), (30, 31), (35, 40), (15, 16), (28, 29)];

    private static readonly Dictionary<int, int> Partner =
        Pairs.SelectMany(p => new[] { (p.A, p.B), (p.B, p.A) }).ToDictionary(p => p.Item1, p => p.Item2);

    public static int PartnerOf(int courseId) => Partner.TryGetValue(courseId, out var other) ? other : 0;

    public static DemoCourse Course(int id) => Courses[id - 1];
}
