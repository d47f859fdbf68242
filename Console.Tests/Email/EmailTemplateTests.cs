using Console.Domain.Email;

namespace Console.Tests.Email;

/// <summary>Liquid templates: parse errors with their line, values encoded in HTML, the text part and sanitising that keeps Liquid.</summary>
public sealed class EmailTemplateTests
{
    private static readonly TemplateModel Model = new(5, "c5", "王 小明", "x@example.com", "杭州",
        [new TemplateCourse("k1", "Python <入门>", "code")], "ABCD234567", "https://console.test/u/t?x=1&y=2");

    [Fact]
    public void A_parse_error_names_its_line()
    {
        var error = EmailTemplate.Check("<p>a</p>\n<p>b</p>\n{% for r in recommendations %}\n<p>{{ r.title }}</p>");
        Assert.NotNull(error);
        Assert.InRange(error.Line, 3, 4);
        Assert.Equal(2, EmailTemplate.Check("line one\n{{ customer.name ")!.Line);
        Assert.Null(EmailTemplate.Check("{{ customer.name | upcase }}"));
    }

    [Fact]
    public void Html_encodes_values_and_text_keeps_them_as_written_in_chinese_and_english()
    {
        var html = EmailTemplate.Parse("<p>{{ customer.first_name }} / {{ customer.city }}</p>{% for r in recommendations %}<li>{{ r.title }}</li>{% endfor %}"
            + "<a href=\"{{ unsubscribe_url }}\">退订</a> {{ coupon.code }}");
        var rendered = EmailTemplate.RenderHtml(html, Model);
        Assert.Contains("<li>Python &lt;入门&gt;</li>", rendered.Replace("&#x5165;&#x95E8;", "入门"));
        Assert.Contains("ABCD234567", rendered);
        Assert.Contains("x=1&amp;y=2", rendered);
        var text = EmailTemplate.RenderText(EmailTemplate.Parse("Hi {{ customer.first_name }}, {{ recommendations[0].title }}"), Model);
        Assert.Equal("Hi 王, Python <入门>", text);
    }

    [Fact]
    public void Sanitising_removes_scripts_and_handlers_and_keeps_liquid_in_attributes()
    {
        var clean = HtmlBody.Sanitise("<p onclick=\"steal()\">Hi {{ customer.name }}</p><script>steal()</script>"
            + "<a href=\"{{ unsubscribe_url }}\">stop</a><a href=\"javascript:steal()\">x</a>{% if coupon %}<b>{{ coupon.code }}</b>{% endif %}");
        Assert.DoesNotContain("script", clean);
        Assert.DoesNotContain("onclick", clean);
        Assert.DoesNotContain("javascript:", clean);
        Assert.Contains("href=\"{{ unsubscribe_url }}\"", clean);
        Assert.Contains("{% if coupon %}<b>{{ coupon.code }}</b>{% endif %}", clean);
        Assert.Null(EmailTemplate.Check(clean));
    }

    [Fact]
    public void The_text_part_is_made_from_the_html_when_none_is_given()
    {
        var text = HtmlBody.ToText("<h1>Spring sale</h1><p>Save 20% on <b>Python</b>.</p><p><a href=\"https://shop.example/p\">Open the shop</a></p>");
        Assert.Equal("Spring sale\nSave 20% on Python.\nOpen the shop (https://shop.example/p)", text);
    }

    [Fact]
    public void The_holdout_is_stable_and_near_its_share()
    {
        var held = Enumerable.Range(1, 10_000).Count(id => Holdout.Contains(3, id, 10));
        Assert.InRange(held, 900, 1100);
        Assert.Equal(Holdout.Contains(3, 42, 10), Holdout.Contains(3, 42, 10));
        Assert.DoesNotContain(Enumerable.Range(1, 1000), id => Holdout.Contains(3, id, 0));
    }
}
