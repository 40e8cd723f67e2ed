//! COL-05: device permissions: which, why, and that they can be turned off.

use super::{declare_rule, Context, Detail, Verdict};

declare_rule! {
    id: "COL-05",
    title_zh: "说明调用的设备权限、目的及关闭方式",
    title_en: "Device permissions: which, why, and how to turn them off",
    severity: Must,
    category: Permissions,
    sources: ["认定方法 二.3", "GB/T 41391"],
    why: "申请位置、相机、麦克风、存储等权限时须同步告知目的；用户应知道可以随时关闭。",
    fix: "列出每项权限、对应功能和目的，并写明：“您可以在设备的设置中随时关闭相应权限，关闭后不影响其他功能。”",
    why_en: "When asking for permissions such as location, camera, microphone or storage, the purpose must be stated at the same time; users should know they can turn them off at any time.",
    fix_en: "List each permission with the function and purpose it serves, and state: “You can turn off any of these permissions at any time in your device settings; turning one off does not affect other functions.”",
    check: check,
}

fn check(ctx: &Context<'_>) -> Verdict {
    let ev = ctx.clauses_with(&["权限"]);
    if ev.is_empty() {
        // A website asks for no device permissions.
        return if ctx.mentions(&["app", "客户端", "移动应用", "应用程序"]) {
            Verdict::Fail(Detail::new("COL-05.fail"), Vec::new())
        } else {
            Verdict::NotApplicable
        };
    }
    if ctx.mentions(&["关闭", "撤回", "取消授权", "在设置中", "设备设置", "系统设置"]) {
        Verdict::Pass(ev)
    } else {
        Verdict::Warn(Detail::new("COL-05.warn"), ev)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::FindingStatus;
    use crate::rules::test_support::{policy_with, verdict_on};

    #[test]
    fn permissions_and_off_switch() {
        let ok = policy_with("我们会申请相机权限用于扫码。您可以在设备的系统设置中关闭相机权限。");
        assert_eq!(verdict_on(&RULE, &ok).unwrap().status, FindingStatus::Pass);
        let app = policy_with("本App会为您推荐商品。");
        assert_eq!(verdict_on(&RULE, &app).unwrap().status, FindingStatus::Fail);
        let site = policy_with("本网站会为您推荐商品。");
        assert_eq!(verdict_on(&RULE, &site), None);
    }
}
