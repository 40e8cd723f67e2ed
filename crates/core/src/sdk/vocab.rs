//! Personal-information items: groups and sensitivity.

use crate::report::DataItem;
use crate::text::normalize;

/// (substring, group, sensitive) — first match wins. Sensitive per PIPL art. 28
/// and GB/T 35273 B.2.
const GROUPS: &[(&str, &str, bool)] = &[
    ("身份证", "identity", true),
    ("人脸", "biometric", true),
    ("指纹", "biometric", true),
    ("声纹", "biometric", true),
    ("银行卡", "financial", true),
    ("支付", "financial", true),
    ("精确位置", "location", true),
    ("位置", "location", true),
    ("地理", "location", true),
    ("基站", "location", true),
    ("gps", "location", true),
    ("通讯录", "contacts", true),
    ("短信", "communications", true),
    ("通话记录", "communications", true),
    ("录音", "media", true),
    ("麦克风", "media", true),
    ("摄像头", "media", true),
    ("相机", "media", true),
    ("相册", "media", true),
    ("imei", "device_id", false),
    ("imsi", "device_id", false),
    ("oaid", "device_id", false),
    ("idfa", "device_id", false),
    ("androidid", "device_id", false),
    ("mac", "device_id", false),
    ("识别码", "device_id", false),
    ("设备标识", "device_id", false),
    ("应用列表", "app_list", false),
    ("安装列表", "app_list", false),
    ("网络", "network", false),
    ("ip", "network", false),
    ("设备", "device", false),
    ("手机号", "contact", false),
    ("电话", "contact", false),
    ("昵称", "profile", false),
    ("头像", "profile", false),
    ("微信id", "account", false),
    ("账号", "account", false),
    ("存储", "storage", false),
];

pub fn item(text: &str) -> DataItem {
    let n = normalize(text);
    let hit = GROUPS.iter().find(|(k, _, _)| n.contains(k));
    DataItem { text: text.to_owned(), group: hit.map(|h| h.1.to_owned()), sensitive: hit.is_some_and(|h| h.2) }
}
