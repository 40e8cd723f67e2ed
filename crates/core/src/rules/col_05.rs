//! COL-05: device permissions: which, why, and that they can be turned off.

use super::{declare_rule, Context, Detail, Verdict};
use crate::report::{Category, Span};

declare_rule! {
    id: "COL-05",
    title_zh: "说明调用的设备权限、目的及关闭方式",
    title_en: "Device permissions: which, why, and how to turn them off",
    severity: Must,
    category: Permissions,
    sources: ["认定方法 二.3"],
    why: "申请位置、相机、麦克风、存储等权限时须同步告知目的；用户应知道可以随时关闭。",
    fix: "列出每项权限、对应功能和目的，并写明：“您可以在设备的设置中随时关闭相应权限，关闭后不影响其他功能。”",
    why_en: "When asking for permissions such as location, camera, microphone or storage, the purpose must be stated at the same time; users should know they can turn them off at any time.",
    fix_en: "List each permission with the function and purpose it serves, and state: “You can turn off any of these permissions at any time in your device settings; turning one off does not affect other functions.”",
    check: check,
}

/// Spans of the clauses whose own words ask for or explain a device
/// permission (classify's keyword reading, not the clause model's: 会员权限
/// and staff access control are not device permissions).
fn permission_clauses(ctx: &Context<'_>) -> Vec<Span> {
    // Both tests below need one of these words: the clauses that hold one
    // come from the pipeline's scan.
    let words: Vec<&str> = PERMISSION.iter().chain(crate::lexicon::DEVICE_FEATURES).copied().collect();
    ctx.clauses
        .holding_any(&words)
        .into_iter()
        .filter(|&i| {
            let t = ctx.clauses.text(i);
            device_permission_word(t) || crate::lexicon::DEVICE_FEATURES.iter().any(|w| crate::text::has(t, w))
        })
        .filter(|&i| crate::classify::clause_categories_at(ctx.clauses, i).contains(&Category::Permissions))
        .map(|i| ctx.clauses.span(i))
        .collect()
}

/// Whether a 权限 in `t` may be a device's: not every one is a feature's or
/// an account's (`该功能的权限`, `会员权限`, `管理权限`).
fn device_permission_word(t: &str) -> bool {
    t.match_indices("权限").any(|(at, _)| {
        !["功能的", "会员", "管理", "操作", "账号", "账户", "帐号", "编辑"].iter().any(|w| t[..at].ends_with(w))
    })
}

/// A way to turn a permission off, said of a permission: 关闭 or 设置 in a
/// clause about permissions, not anywhere (关闭个性化推荐, 设备设置信息).
fn says_how_to_turn_off(ctx: &Context<'_>, permissions: &[Span]) -> bool {
    const OFF: &[&str] = crate::lexicon::PERMISSION_OFF;
    // The clauses with an off word, found in one pass of the joined text.
    ctx.clauses.holding_any(OFF).into_iter().map(|i| ctx.clauses.get(i)).any(|(span, t)| {
        // 关闭设备功能 is GB/T 35273's own wording for switching a permission
        // off (删除信息、关闭设备功能…撤回您的授权).
        crate::text::has(t, "权限") || crate::text::has(t, "设备功能") || permissions.binary_search(&span).is_ok()
    })
}

const PERMISSION: &[&str] = &["权限"];
const AN_APP: &[&str] = &["app", "客户端", "移动应用", "应用程序"];

/// The words this rule asks the clauses about: indexed by the pipeline's
/// one scan ([`super::CODE_WORDS`]).
pub(super) const ASKED: &[&[&str]] =
    &[PERMISSION, crate::lexicon::DEVICE_FEATURES, crate::lexicon::PERMISSION_OFF, AN_APP];

fn check(ctx: &Context<'_>) -> Verdict {
    let permissions = permission_clauses(ctx);
    let ev: Vec<_> = permissions.iter().take(3).map(|s| crate::text::evidence(ctx.text, ctx.lines, *s)).collect();
    if ev.is_empty() {
        // A website asks for no device permissions.
        return if ctx.mentions(AN_APP) {
            Verdict::Fail(Detail::new("COL-05.fail"), Vec::new())
        } else {
            Verdict::NotApplicable
        };
    }
    if says_how_to_turn_off(ctx, &permissions) {
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
    fn a_members_permission_or_a_settings_word_elsewhere_is_not_enough() {
        // A feature's 权限 is no device permission.
        let member = policy_with("开通会员后，您将获得会员权限，可观看全部影片。本App会为您推荐影片。");
        assert_eq!(verdict_on(&RULE, &member).unwrap().status, FindingStatus::Fail);
        // tests/corpus/policies/xiaoyun.txt:122, with GB/T 35273's 关闭设备功能
        // elsewhere: still no device permission.
        let feature = policy_with("信息发布：我们可能会根据您的会员信息判断您是否具备该功能的权限。本App会为您推荐影片。您可以通过删除信息、关闭设备功能等方式撤回您的授权。");
        assert_eq!(verdict_on(&RULE, &feature).unwrap().status, FindingStatus::Fail);
        // 设备设置 as collected data says nothing of turning a permission off.
        let data = policy_with("我们会申请位置权限用于推荐附近门店。我们会收集您的设备设置信息。");
        assert_eq!(verdict_on(&RULE, &data).unwrap().status, FindingStatus::Warn);
    }

    #[test]
    fn permissions_and_off_switch() {
        let ok = policy_with("我们会申请相机权限用于扫码。您可以在设备的系统设置中关闭相机权限。");
        assert_eq!(verdict_on(&RULE, &ok).unwrap().status, FindingStatus::Pass);
        // CAPP-130 rw_112.jsonl:161.
        let template = policy_with("我们会申请相机权限用于扫码。您可以通过删除信息、关闭设备功能或其他方式改变您授权我们继续收集信息的范围或撤回您的授权。");
        assert_eq!(verdict_on(&RULE, &template).unwrap().status, FindingStatus::Pass);
        let app = policy_with("本App会为您推荐商品。");
        assert_eq!(verdict_on(&RULE, &app).unwrap().status, FindingStatus::Fail);
        let site = policy_with("本网站会为您推荐商品。");
        assert_eq!(verdict_on(&RULE, &site), None);
    }
}
