//! A policy saved as a web page reads as the same policy: the HTML version of
//! each corpus policy (every line a `<p>`, the markup escaped) yields the
//! same top-level sections, SDKs and facts as the text, with spans into the
//! markup.

mod common;

use policylens_core::{analyze, InputFormat, Node, NodeKind};

fn escape(line: &str) -> String {
    line.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

fn as_page(text: &str) -> String {
    let mut page =
        String::from("<!DOCTYPE html>\n<html lang=\"zh\"><head><meta charset=\"utf-8\"><title>隐私政策</title>\n");
    page.push_str("<style>p { margin: 0 }</style><script>window.tracker = 1;</script></head>\n<body>\n");
    for line in text.lines() {
        page.push_str("  <p class=\"正文\">");
        page.push_str(&escape(line));
        page.push_str("</p>\n");
    }
    page.push_str("</body></html>\n");
    page
}

fn tops(doc: &Node) -> Vec<String> {
    doc.children.iter().filter(|n| n.kind == NodeKind::Section).map(|n| n.heading.clone().unwrap_or_default()).collect()
}

#[test]
fn each_corpus_policy_reads_the_same_as_a_web_page() {
    for name in ["xiaoyun.txt", "taobao.txt", "mijian.txt", "weidandan.txt", "rw_1.txt"] {
        let path = common::corpus_dir().join("policies").join(name);
        let Ok(text) = std::fs::read_to_string(&path) else { continue };
        let page = as_page(&text);
        let from_text = analyze(&text);
        let from_page = analyze(&page);
        assert_eq!(from_page.input.format, InputFormat::Html, "{name}");
        assert_eq!(from_text.input.format, InputFormat::Text, "{name}");
        assert_eq!(
            tops(common::privacy_policy(&from_page)),
            tops(common::privacy_policy(&from_text)),
            "{name}: top-level sections"
        );
        let names = |r: &policylens_core::Report| r.sdks.iter().map(|s| s.name.clone()).collect::<Vec<_>>();
        assert_eq!(names(&from_page), names(&from_text), "{name}: SDKs");
        assert_eq!(from_page.facts.effective, from_text.facts.effective, "{name}");
        assert_eq!(from_page.facts.emails, from_text.facts.emails, "{name}");
        // Every heading's span points at that heading inside the markup.
        for section in &common::privacy_policy(&from_page).children {
            if let Some(h) = &section.heading {
                let raw = &page[section.span.start..section.span.end];
                assert!(raw.contains(&escape(h)), "{name}: {h}");
            }
        }
    }
}

#[test]
fn an_sdk_table_in_a_page_is_read_row_by_row() {
    let page = "<html><body><h2>一、我们如何共享您的个人信息</h2><p>我们接入的第三方SDK如下：</p>\
                <table><tr><th>SDK名称</th><th>第三方名称</th><th>使用目的</th><th>收集个人信息</th></tr>\
                <tr><td>友盟SDK</td><td>友盟同欣（北京）科技有限公司</td><td>统计分析</td><td>设备信息、IMEI</td></tr>\
                <tr><td>个推SDK</td><td>每日互动股份有限公司</td><td>消息推送</td><td>设备标识符</td></tr></table>\
                <h2>二、如何联系我们</h2><p>邮箱：privacy@example.com</p></body></html>";
    let report = analyze(page);
    let rows: Vec<(&str, Option<&str>)> =
        report.sdks.iter().map(|s| (s.name.as_str(), s.provider.as_deref())).collect();
    assert_eq!(rows, [("友盟SDK", Some("友盟同欣（北京）科技有限公司")), ("个推SDK", Some("每日互动股份有限公司"))]);
    let youmeng = &report.sdks[0];
    let at = youmeng.evidence[0].span.start;
    assert!(page[at..youmeng.evidence[0].span.end].contains("友盟SDK"), "evidence points into the page");
    assert_eq!(report.facts.emails, ["privacy@example.com"]);
}

#[test]
fn an_html_table_is_read_with_spans_into_the_markup() {
    let text = "<html><body><p>第三方SDK目录</p>\n<table>\n<tr><th>SDK名称</th><th>第三方主体</th><th>使用目的</th><th>收集个人信息</th></tr>\n<tr><td>个推消息推送SDK</td><td>每日互动股份有限公司</td><td>消息推送</td><td>设备标识符（IMEI、OAID）、网络信息</td></tr>\n<TR><TD><b>友盟统计</b></TD><TD>友盟同欣（北京）科技有限公司</TD><TD>统计分析</TD><TD>设备信息&amp;应用列表</TD></TR>\n</table></body></html>";
    let out = analyze(text).sdks;
    let names: Vec<&str> = out.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["个推消息推送SDK", "友盟统计"]);
    assert_eq!(out[0].provider.as_deref(), Some("每日互动股份有限公司"));
    assert_eq!(out[1].purpose.as_deref(), Some("统计分析"));
    assert_eq!(out[1].data.iter().map(|d| d.text.as_str()).collect::<Vec<_>>(), ["设备信息&应用列表"]);
    let ev = out[0].evidence[0].span;
    assert!(text[ev.start..ev.end].contains("个推消息推送SDK"), "{:?}", &text[ev.start..ev.end]);
}

#[test]
fn broken_table_markup_ends_without_rows_or_panics() {
    for text in [
        "<table><tr><td>SDK名称",
        "<table><tr><td>SDK名称</td><td>使用目的</td></tr><tr><td",
        "<TABLE",
        "<tr><td>x</td>",
    ] {
        assert!(analyze(text).sdks.is_empty(), "{text}");
    }
}
