//! SDK extraction on each disclosure shape real policies use, one test per
//! shape. The excerpts are written for these tests in the shapes of real
//! policies and SDK lists (tests/corpus/sdk has the documents they imitate).

use policylens_core::{analyze, ProviderFrom, Sdk};

fn sdks(text: &str) -> Vec<Sdk> {
    analyze(text).sdks
}

fn names(sdks: &[Sdk]) -> Vec<&str> {
    sdks.iter().map(|s| s.name.as_str()).collect()
}

fn data(s: &Sdk) -> Vec<&str> {
    s.data.iter().map(|d| d.text.as_str()).collect()
}

/// A web page's table exported one cell per line, a lone `|` between cells,
/// the partner's type in the first column and its name in the second, cells
/// wrapped over lines, rows with no separator between them.
#[test]
fn lone_bar_table_with_a_type_column() {
    let x = sdks(LONE);
    assert_eq!(names(&x), ["优量汇（腾讯广告）", "极光推送"]);
    assert_eq!(x[0].purpose.as_deref(), Some("开屏及信息流广告展示、广告效果归因"));
    assert_eq!(data(&x[0]), ["设备标识符（OAID、Android ID）", "设备型号"]);
    assert_eq!(x[0].link.as_deref(), Some("https://e.qq.com/dev/help_detail.html?cid=2005&pid=5983"));
    assert_eq!(data(&x[1]), ["网络信息", "应用列表"]);
    assert_eq!(x[1].evidence[0].line, 28);
}

/// Names in quotes after the word SDK: one group, several groups, payment
/// modules called SDKs, an unclosed quote.
#[test]
fn quoted_lists_after_the_word_sdk() {
    let x = sdks(QUOTED);
    assert_eq!(
        names(&x),
        [
            "微信开放平台SDK",
            "QQ互联SDK",
            "新浪微博SDK",
            "友盟统计分析SDK",
            "腾讯Bugly",
            "神策分析SDK",
            "支付宝",
            "微信支付",
            "QQ钱包",
            "阿里云号码认证SDK",
            "网易易盾验证码SDK"
        ]
    );
    assert_eq!(data(&x[0]), ["设备型号"]);
    assert_eq!(x[7].purpose.as_deref(), Some("完成支付"));
    // The payment modules are payment institutions that receive data too.
    let payees: Vec<(String, String)> = analyze(QUOTED).recipients.into_iter().map(|r| (r.name, r.kind)).collect();
    for name in ["支付宝", "微信支付", "QQ钱包"] {
        assert!(payees.contains(&(name.to_owned(), "payment".to_owned())), "{name}: {payees:?}");
    }
    assert_eq!(data(&x[10]), ["本机号码"]);
}

/// Key–value records run together: one space between fields, the next
/// record mid-line; `；` between fields and the next number glued to a URL.
#[test]
fn key_value_records_run_together() {
    let x = sdks(RUNON);
    assert_eq!(names(&x), ["极光推送SDK", "高德地图SDK", "AlipaySDK", "友盟+统计"]);
    assert_eq!(x[0].provider.as_deref(), Some("深圳市和讯华谷信息技术有限公司"));
    assert_eq!(x[0].provider_from, Some(ProviderFrom::Text));
    assert_eq!(x[0].purpose.as_deref(), Some("推送行程通知"));
    assert_eq!(data(&x[0]), ["设备标识符（IMEI、OAID）", "网络类型"]);
    assert_eq!(x[0].link.as_deref(), Some("https://www.jiguang.cn/license/privacy"));
    assert_eq!(x[1].provider.as_deref(), Some("高德软件有限公司"));
    assert_eq!(x[2].link.as_deref(), Some("https://opendocs.alipay.com/open/54/01g6qm"));
    assert_eq!(data(&x[3]), ["设备标识符（OAID、Android ID）"]);
}

/// Phone vendors' push named only by vendor, in prose and as one table name.
#[test]
fn vendor_push_named_by_vendor() {
    let x = sdks(PUSH);
    assert_eq!(names(&x), ["华为推送SDK", "小米推送SDK", "OPPO推送SDK", "vivo推送SDK", "极光"]);
    assert_eq!(x[0].canonical.as_deref(), Some("华为推送"));
    assert_eq!(x[0].category.as_deref(), Some("push"));
    assert_eq!(x[0].provider_from, Some(ProviderFrom::KnowledgeBase));
    assert_eq!(x[3].purpose.as_deref(), Some("在对应品牌手机上送达通知"));
    // The table row and the sentence are the same four SDKs.
    assert_eq!(x[3].evidence.len(), 2);
    assert!(!names(&x).iter().any(|n| n.contains('/')));
}

/// A pipe table without the outer `|`, rows wrapped over two lines.
#[test]
fn pipe_table_without_outer_bars_and_wrapped_rows() {
    let x = sdks(PIPES);
    assert_eq!(names(&x), ["穿山甲SDK", "友盟统计SDK"]);
    assert_eq!(data(&x[0]), ["设备品牌", "型号", "OAID", "粗略位置", "应用列表"]);
    assert_eq!(x[0].link.as_deref(), Some("https://www.csjplatform.com/privacy"));
    assert_eq!(x[1].purpose.as_deref(), Some("统计壁纸下载与设置次数"));
    assert_eq!(x[1].provider.as_deref(), Some("友盟同欣（北京）科技有限公司"));
}

/// Prose: a definition names nothing; `接入X及Y的SDK`; an SDK named by its
/// policy's title; `某公司的短信SDK` is one SDK of that company; a Chinese-only
/// name in a numbered item; an alias inside a URL or a purpose is no SDK;
/// `X隐私政策：URL`; `第三方名称：` inside an `SDK名称：` record is its
/// provider; the same SDK twice is one row.
#[test]
fn prose_and_its_traps() {
    let x = sdks(PROSE);
    assert_eq!(
        names(&x),
        ["高德地图", "高德定位", "个推消息推送SDK", "短信SDK", "云从人脸核验SDK", "微信开放平台", "友盟SDK"]
    );
    let by = |n: &str| x.iter().find(|s| s.name == n).unwrap();
    assert_eq!(
        by("微信开放平台").link.as_deref(),
        Some("https://support.weixin.qq.com/cgi-bin/mmsupportacctnodeweb-bin/pages/RYiYJkLOrQwu0nb8")
    );
    assert_eq!(by("个推消息推送SDK").provider.as_deref(), Some("每日互动股份有限公司"));
    assert_eq!(by("个推消息推送SDK").provider_from, Some(ProviderFrom::Text));
    assert_eq!(by("云从人脸核验SDK").provider.as_deref(), Some("云从科技集团股份有限公司"));
    assert_eq!(data(by("云从人脸核验SDK")), ["人脸图像", "姓名"]);
    assert_eq!(data(by("高德定位")), ["精确位置信息"]);
    // 《个推用户隐私政策》 names the same SDK as the 个推消息推送SDK record.
    assert_eq!(by("个推消息推送SDK").canonical.as_deref(), Some("个推推送"));
    assert_eq!(by("个推消息推送SDK").evidence.iter().map(|e| e.line).collect::<Vec<_>>(), [8, 3]);
    assert_eq!(by("短信SDK").provider.as_deref(), Some("上海游昆信息技术有限公司"));
    assert_eq!(by("友盟SDK").evidence.len(), 2, "友盟SDK and 友盟 SDK are one");
    assert!(!names(&x).iter().any(|n| n.contains("微博") || n.contains("是指")));
}

const LONE: &str = r#"表1 合作方及共享信息清单

合作方类型
|
合作方名称
|
使用场景
|
合作方式
|
共享个人信息
|
隐私政策链接
---|---|---|---|---|---
广告
|
优量汇（腾讯广告）
|
开屏及信息流广告展示、
广告效果归因
|
嵌入SDK
|
设备标识符（OAID、Android ID）、
设备型号
|
https://e.qq.com/dev/help_detail.html?cid=2005&pid=5983
推送
|
极光推送
|
推送订单状态通知
|
嵌入SDK
|
网络信息、
应用列表
|
https://www.jiguang.cn/license/privacy

我们会与合作方约定严格的数据保护要求。
"#;

const QUOTED: &str = r#"1. 登录与分享：为便于您使用第三方账号登录，我们接入了第三方SDK“微信开放平台SDK、QQ互联SDK、新浪微博SDK”，上述SDK会收集您的设备型号。
2. 统计：我们集成了第三方SDK“友盟统计分析SDK”、“腾讯Bugly”、“神策分析SDK”，会收集设备标识符。
3. 支付：我们接入了第三方支付SDK“支付宝、微信支付、QQ钱包”，用于完成支付。
4. 安全：我们接入了第三方SDK“阿里云号码认证SDK、网易易盾验证码SDK，会收集您的本机号码。
"#;

const RUNON: &str = r#"九、第三方SDK目录
接入了以下第三方SDK： 第三方SDK名称：极光推送SDK 公司全称：深圳市和讯华谷信息技术有限公司 使用目的：推送行程通知 收集信息：设备标识符（IMEI、OAID）、网络类型 隐私政策链接：https://www.jiguang.cn/license/privacy 第三方SDK名称：高德地图SDK 公司全称：高德软件有限公司 使用目的：展示地图 收集信息：精确位置信息、基站信息 隐私政策链接：https://lbs.amap.com/pages/privacy/
1) SDK名称：AlipaySDK；SDK获取的个人信息：设备标识符、IP地址；使用目的：支付；第三方个人信息处理规则：https://opendocs.alipay.com/open/54/01g6qm2) SDK名称：友盟+统计；SDK获取的个人信息：设备标识符（OAID、Android ID）；使用目的：统计分析；第三方个人信息处理规则：https://www.umeng.com/page/policy
"#;

const PUSH: &str = r#"消息推送：为在不同品牌手机上及时送达提醒，我们接入了极光、小米、华为、vivo、OPPO品牌手机厂商的推送SDK。
SDK名称：华为/小米/OPPO/vivo厂商推送SDK
使用目的：在对应品牌手机上送达通知
"#;

const PIPES: &str = r#"SDK名称 | 提供方 | 使用目的 | 收集信息 | 隐私政策
---|---|---|---|---
穿山甲SDK | 北京巨量引擎网络技术有限公司 | 激励视频广告 | 设备品牌、型号、OAID、
粗略位置、应用列表 | https://www.csjplatform.com/privacy
友盟统计SDK | 友盟同欣（北京）科技有限公司 | 统计壁纸下载
与设置次数 | 设备标识符（OAID）、
网络类型 | https://www.umeng.com/page/policy
"#;

const PROSE: &str = r#"SDK：SDK是指软件开发工具包（Software Development Kit），是第三方服务商为便于开发者接入其服务而提供的一组工具和/或代码。
为实现地图找房，我们接入了高德地图及高德定位的SDK，会在您授权后收集您的精确位置信息。
看房提醒的推送服务由每日互动股份有限公司提供，我们会向其提供设备标识符，具体请查阅《个推用户隐私政策》。
注册时我们会通过上海游昆信息技术有限公司的短信SDK向您发送验证码，为此需要向其提供您的手机号码。
1. 云从人脸核验SDK：用于签约前的实名认证，提供方为云从科技集团股份有限公司，会收集您的人脸图像、姓名。
如您使用微博登录，我们会将您跳转至https://open.weibo.com/authorize完成授权，相关功能用于微博登录。
微信开放平台隐私政策：https://support.weixin.qq.com/cgi-bin/mmsupportacctnodeweb-bin/pages/RYiYJkLOrQwu0nb8
SDK名称：个推消息推送SDK
第三方名称：每日互动股份有限公司
使用目的：推送
我们使用友盟SDK统计崩溃信息；我们还接入了友盟 SDK用于分享。
"#;

/// SDKs listed under their provider; a list whose other items name SDKs
/// without the word; key lines under a name line.
#[test]
fn groups_lists_and_name_lines() {
    let x = sdks(GROUPS);
    assert_eq!(
        names(&x),
        [
            "微信SDK",
            "QQ SDK",
            "个推消息推送SDK",
            "支付宝SDK",
            "翼支付",
            "度小满（百度）",
            "银联支付SDK",
            "中国移动SDK",
            "中国联通SDK"
        ]
    );
    assert_eq!(x[1].provider.as_deref(), Some("深圳市腾讯计算机系统有限公司"));
    assert_eq!(x[1].provider_from, Some(ProviderFrom::Text));
    assert_eq!(x[2].provider.as_deref(), Some("每日互动股份有限公司"));
    assert_eq!(data(&x[2]), ["设备信息（IMEI、OAID）", "应用列表"]);
    assert_eq!(x[2].link.as_deref(), Some("https://docs.getui.com/privacy/"));
}

const GROUPS: &str = r#"深圳市腾讯计算机系统有限公司：微信SDK、QQ SDK

**个推消息推送SDK**

运营方：每日互动股份有限公司

收集个人信息类型：设备信息（IMEI、OAID）、应用列表

隐私政策：https://docs.getui.com/privacy/

为了便于您在线缴费，我们使用支付宝SDK、翼支付、度小满（百度）、银联支付SDK。
当您一键登录时，中国移动SDK、中国联通SDK需要收集您的本机号码。
"#;
