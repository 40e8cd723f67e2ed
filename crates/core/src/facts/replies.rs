//! The reply times a policy promises (`15个工作日内`, `【30】天`, `十五天内`),
//! each value and unit once, with the first clause that gives it.

use super::Clause;
use crate::report::{Facts, ResponseTime};
#[cfg(test)]
use crate::scan::response_time;
use crate::scan::response_time_in;

#[cfg_attr(not(target_arch = "wasm32"), inline(never))] // a frame of its own in native profiles
pub(super) fn extract(clause: &Clause, facts: &mut Facts) {
    if let Some(rt) = response_time_in(clause.words) {
        if !facts.response_time.iter().any(|r| r.value == rt.0 && r.unit == rt.1) {
            facts.response_time.push(ResponseTime { value: rt.0, unit: rt.1, evidence: clause.evidence() });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::TimeUnit;

    #[test]
    fn reply_times() {
        assert_eq!(response_time("我们会在收到您的反馈的【30】天内予以回复。"), Some((30, TimeUnit::Days)));
        assert_eq!(response_time("我们将在15个工作日内回复您的请求。"), Some((15, TimeUnit::WorkingDays)));
        assert_eq!(response_time("我们将在十五天内答复。"), Some((15, TimeUnit::Days)));
        // CAPP-130 rw_115.jsonl:338: 日 left out.
        assert_eq!(response_time("在验证您的用户身份后的十五个工作内予以回复。"), Some((15, TimeUnit::WorkingDays)));
        assert_eq!(response_time("您可以在设置中关闭。"), None);
        // Notice periods, deletion deadlines and retention periods are no
        // reply times (CAPP-130 rw_58: 为满足您的查询需要…保留三十天到六个月不等的期限).
        assert_eq!(response_time("为满足您的查询需要，您的运单信息将保留三十天到六个月不等的期限。"), None);
        assert_eq!(response_time("我们将至少提前15个工作日通知您，并予以处理。"), None);
        assert_eq!(
            response_time("当我们的产品或服务发生停止运营的情形时，我们将在90天之内删除您的个人信息或进行匿名化处理。"),
            None
        );
    }
}
