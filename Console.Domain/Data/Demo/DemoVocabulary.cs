namespace Console.Domain.Data.Demo;

internal sealed record DemoKol(string Name, string ReferralCode);

/// <summary>Names, places and labels the generators draw from; weights say how common each one is.</summary>
internal static class DemoVocabulary
{
    public static readonly string[] Surnames =
        ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "高", "罗"];

    public static readonly string[] GivenNames =
        ["伟", "芳", "娜", "敏", "静", "磊", "洋", "艳", "勇", "杰", "娟", "涛", "明", "超", "秀英", "晓东", "子涵", "欣怡",
         "浩然", "梓萱", "雨桐", "宇轩", "思远", "佳怡", "俊杰", "诗涵", "一鸣", "晨曦", "嘉欣", "志强"];

    public static readonly string[] Cities =
        ["上海", "北京", "深圳", "广州", "杭州", "成都", "南京", "武汉", "西安", "重庆", "苏州", "天津", "长沙", "郑州",
         "青岛", "厦门", "合肥", "沈阳", "昆明", "宁波"];

    public static readonly double[] CityWeights = [12, 12, 9, 8, 7, 7, 5, 5, 4, 4, 4, 3, 3, 3, 2, 2, 2, 2, 2, 2];

    public static readonly string[] Sources = ["douyin", "wechat", "kol", "organic_search", "referral", "ads"];
    public static readonly double[] SourceWeights = [30, 25, 15, 12, 8, 10];

    public static readonly string[] Platforms = ["douyin", "wechat_channels", "own_room", "kuaishou", "bilibili"];
    public static readonly double[] PlatformWeights = [40, 30, 18, 7, 5];

    public static readonly DemoKol[] Kols =
    [
        new("张薇", "KOL-ZHANGWEI"), new("王芳", "KOL-WANGFANG"), new("刘阳", "KOL-LIUYANG"),
        new("陈曦", "KOL-CHENXI"), new("赵磊", "KOL-ZHAOLEI"), new("孙丽", "KOL-SUNLI"),
    ];

    public static readonly double[] KolWeights = [30, 22, 16, 14, 10, 8];

    public const string LiveRoom = "live_room";
    public const string Storefront = "storefront";
    public const string WechatMini = "wechat_mini";
    public const string KolLink = "kol_link";
    public const string App = "app";

    public static readonly string[] VisitChannels = [Storefront, WechatMini, KolLink, App];

    /// <summary>Log-odds each visit channel adds to buying: KOL links convert best, the plain storefront worst.</summary>
    public static readonly double[] VisitChannelLift = [-0.5, 0.0, 0.6, 0.3];

    public static readonly string[] RefundReasons = ["not_as_expected", "bought_by_mistake", "no_time", "duplicate_purchase"];
}
