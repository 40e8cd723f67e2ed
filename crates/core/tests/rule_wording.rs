//! Rules that read what policies say in other words than the law's: each
//! case is a real sentence (CAPP-130, CC BY 4.0: tests/corpus/capp130/NOTICE.md)
//! that satisfies a rule without the rule's own term, set in a minimal policy.

use policylens_core::FindingStatus;

/// The status of `rule` on a minimal policy whose body is `sentence`.
fn status(rule: &str, sentence: &str) -> FindingStatus {
    let text = format!("隐私政策\n我们重视您的个人信息，经您同意后使用这些信息提供服务。\n{sentence}\n");
    let report = policylens_core::analyze(&text);
    report.findings.iter().find(|f| f.rule == rule).map(|f| f.status).expect("the rule judges every policy")
}

#[test]
fn processors_acting_on_our_instructions_are_entrusted_processing() {
    // rw_23.jsonl:118 — no 委托处理, but partners that act as instructed.
    let s = "我们会与共享的合作伙伴签署严格的数据保护协议，要求他们按照我们的要求、本隐私权保护政策以及其他任何相关的保密和安全措施来处理个人信息。";
    assert_eq!(status("SHR-01", s), FindingStatus::Pass);
    // A recipient that decides for itself is no processor.
    assert_eq!(status("SHR-01", "我们会将您的订单信息共享给商家，以便其为您发货。"), FindingStatus::Fail);
    // rw_63.jsonl:150 — a concept in two parts: a service provider, bound by
    // contract (`processors` and `processor-bounds` in the lexicon).
    let s = "此等服务提供商有合同义务保护您的个人信息，并有权访问您的个人信息来执行这些任务。";
    assert_eq!(status("SHR-01", s), FindingStatus::Pass);
    // rw_87.jsonl:97.
    let s = "为了您的信息安全，我们已与友盟SDK服务商约定严格的数据安全保密义务，友盟SDK服务商会严格遵守我们的数据隐私和安全要求。";
    assert_eq!(status("SHR-01", s), FindingStatus::Pass);
    // rw_110.jsonl:133 — partners bound to process under a data protection
    // agreement and the policy's requirements: two reviewers (rw_70, rw_83)
    // judged this wording a description of entrusted processing.
    let s = "为了投放广告，评估、优化广告投放效果等目的，我们需要向广告主及其代理商等第三方合作伙伴共享您的部分数据，要求其严格遵守我们关于数据隐私保护的措施与要求，包括但不限于根据数据保护协议、承诺书及相关数据处理政策进行处理。";
    assert_eq!(status("SHR-01", s), FindingStatus::Pass);
    // The two parts in different clauses say nothing of one processor.
    assert_eq!(status("SHR-01", "我们的服务提供商帮助我们运营服务。\n我们与员工签署保密协议。"), FindingStatus::Fail);
}

#[test]
fn the_cases_of_pipl_13_are_the_exceptions_to_consent() {
    // rw_41.jsonl:92–94 — PIPL 13's list after 除非经您单独同意…例如, with
    // no 无需征得 or 例外.
    let s = "我们不会主动向合作伙伴分享可用于识别您个人身份的信息，除非经您单独同意或法律法规另有规定，例如：\n·为订立、履行个人作为一方当事人的合同所必需；\n·为履行法定职责或者法定义务所必需；";
    assert_eq!(status("COL-10", s), FindingStatus::Pass);
    assert_eq!(status("COL-10", "我们会依法履行法定义务，保护您的个人信息。"), FindingStatus::Fail);
}

#[test]
fn the_responsible_body_may_be_a_group_or_a_committee() {
    // rw_26.jsonl:468 and rw_67.jsonl:193.
    let group = "4.我们设立了专门的个人信息保护小组，如有任何对个人信息保护政策、数据安全和个人信息的疑问，请发送邮件至邮箱：privacy@mgtv.com，我们会在十五日内予以回复。";
    let committee =
        "我们的个人信息安全责任部门为【信息安全委员会】，联络电话为4006083063，邮箱为support@camscanner.com。";
    assert_eq!(status("CTL-02", group), FindingStatus::Pass);
    assert_eq!(status("CTL-02", committee), FindingStatus::Pass);
    assert_eq!(status("CTL-02", "如有任何疑问，请发送邮件至privacy@example.com与我们联系。"), FindingStatus::Fail);
}

#[test]
fn a_period_set_by_the_purpose_is_a_retention_rule() {
    // rw_103.jsonl:154 — no 保存期限, but a period the purpose decides.
    let s = "我们只会在达成本政策所述目的所需的期限内保留您的个人信息，除非法律有强制的留存要求。";
    assert_eq!(status("STO-01", s), FindingStatus::Warn);
    // rw_108.jsonl:181, with a sentence on what happens after added.
    let s = "腾讯存储儿童个人信息，不会超过实现其收集、使用目的所必需的期限，超出上述期限后，我们将对儿童个人信息进行删除或匿名化处理。";
    assert_eq!(status("STO-01", s), FindingStatus::Pass);
    assert_eq!(status("STO-01", "我们会妥善保存您的个人信息。"), FindingStatus::Fail);
}

#[test]
fn the_right_of_access_in_other_words() {
    // tests/corpus/policies/weidandan.txt:159–160: 访问 without 查阅 or 副本.
    let s = "5.1 您可以在使用我们服务的过程中，有权访问、修改和删除您提供的注册信息和其他个人信息，也可按照通知指引与我们联系。";
    assert_eq!(status("RGT-01", s), FindingStatus::Pass);
    assert_eq!(status("RGT-01", "我们会保护您的个人信息安全。"), FindingStatus::Fail);
}

#[test]
fn obeying_a_court_is_no_complaint_channel() {
    // tests/corpus/policies/weidandan.txt:257: a court named as a ground for
    // disclosure, not as a remedy for the user.
    assert_eq!(status("CMP-01", "• 遵守法院判决 、裁定或其他法律程序的规定；"), FindingStatus::Fail);
    assert_eq!(
        status("CMP-01", "我们可能会根据法律法规规定、诉讼、仲裁解决需要，对外共享您的用户信息。"),
        FindingStatus::Fail
    );
    // tests/corpus/policies/taobao.txt:335: the court as the user's remedy.
    let remedy = "如果您对我们的回复不满意，特别是您认为我们的个人信息处理行为损害了您的合法权益，您还可以通过向被告住所地有管辖权的法院提起诉讼来寻求解决方案。";
    assert_eq!(status("CMP-01", remedy), FindingStatus::Pass);
}

/// Wordings of the findings benchmark (tests/corpus/findings) that the rules
/// missed: each real sentence satisfies its rule, and a near sentence that
/// does not keeps the rule failing.
#[test]
fn wordings_of_the_findings_benchmark() {
    // rw_96.jsonl:85 (COL-10): the exceptions, 征求 instead of 征得.
    let exceptions = "以下情形中，我们可能会收集、使用您的相关个人信息无需征求您的授权同意：";
    assert_eq!(status("COL-10", exceptions), FindingStatus::Pass);
    // rw_90.jsonl:166.
    assert_eq!(status("COL-10", "除同意外的其他合法性事由"), FindingStatus::Pass);
    assert_eq!(status("COL-10", "我们会在征得您的同意后收集您的信息。"), FindingStatus::Fail);
    // rw_58.jsonl:148 (SHR-01): processors under our instructions.
    let processors = "我们会与其签署严格的保密协议及数据处理协议，要求他们按照我们的说明、本政策以及其他任何相关的保密和安全措施来处理个人信息。";
    assert_eq!(status("SHR-01", processors), FindingStatus::Pass);
    // rw_126.jsonl:129: providers acting on our behalf.
    assert_eq!(
        status("SHR-01", "例如代表我们推送通知的通讯服务提供商、提供认证服务的通讯服务提供商。"),
        FindingStatus::Pass
    );
    // rw_8.jsonl:360 (CTL-02): a department with its contact.
    let office = "我们还设立了个人信息保护工作部门，您可以通过邮箱privacy@keep.com或电话010-86223197与我们联系。";
    assert_eq!(status("CTL-02", office), FindingStatus::Pass);
    // rw_30.jsonl:306 (RGT-06): the right to an explanation.
    assert_eq!(status("RGT-06", "您还可以要求我们解释对您的个人信息处理规则。"), FindingStatus::Pass);
    // rw_30.jsonl:60 (COL-09): information from third parties, by source.
    assert_eq!(status("COL-09", "我们会从第三方支付机构获取您的ID、订单交易结果。"), FindingStatus::Pass);
    // tests/corpus/policies/apayun.txt:108: information partners lawfully share.
    assert_eq!(status("COL-09", "我们可能整合我们关联公司、合作伙伴合法分享的信息。"), FindingStatus::Pass);
    assert_eq!(status("COL-09", "我们会收集您的手机号。"), FindingStatus::Fail);
    // rw_41.jsonl:80 (RGT-03): deletion in the list of rights.
    let rights = "您在使用我们服务的过程中，可以通过查阅、复制、更正、补充、删除等方式来管理您的信息。";
    assert_eq!(status("RGT-03", rights), FindingStatus::Pass);
    // The processing activities of a definition are no right to deletion.
    let definition = "个人信息的处理包括个人信息的收集、存储、使用、加工、传输、提供、公开、删除等。";
    assert_eq!(status("RGT-03", definition), FindingStatus::Fail);
    // tests/corpus/policies/apayun.txt:188 (RGT-02): changing one's data.
    assert_eq!(status("RGT-02", "您可以登录网站查询、管理（变更、删除）您提交的基本资料。"), FindingStatus::Pass);
    // rw_14.jsonl:123 (COL-03): information collected indirectly.
    assert_eq!(status("COL-03", "1.12 间接收集信息：我们可能从关联方、合作伙伴处获取您的信息。"), FindingStatus::Pass);
}

#[test]
fn wordings_of_the_third_benchmark_set() {
    // rw_9.jsonl:353 — closing an account is deleting it.
    assert_eq!(status("RGT-05", "您可以按照此处的帐号删除说明删除您的帐号或删除某些个人信息。"), FindingStatus::Pass);
    // rw_9.jsonl:275 — a service provider forbidden to keep what it gets.
    let s = "这些服务提供商需要提供同等的用户数据保护，除了向我们提供服务所必需之外，禁止其留存、使用或披露您的信息；";
    assert_eq!(status("SHR-01", s), FindingStatus::Pass);
    // rw_3.jsonl:92 and rw_9.jsonl:284 — information from others, in a
    // partner's or a service's words (`third-party-sources` and `receiving`).
    let s = "我行可能向我行的合作伙伴收集其合法留存并经您授权可以共享使用的信息。";
    assert_eq!(status("COL-09", s), FindingStatus::Pass);
    assert_eq!(status("COL-09", "我们可能从该等第三方服务收到关于您的信息。"), FindingStatus::Pass);
    assert_eq!(status("COL-09", "我们不会向合作伙伴提供您的信息。"), FindingStatus::Fail);
    // rw_51.jsonl:323 — services third parties provide are not the policy's.
    let s = "本协议并不适用于第三方提供的服务，58同城对第三方使用由您自行提供的信息不承担任何责任。";
    assert_eq!(status("WRD-02", s), FindingStatus::Pass);
}

#[test]
fn wordings_of_the_fourth_benchmark_set() {
    // rw_49.jsonl:208 — GB/T 35273's template for processors.
    let s = "我们会与其签署严格的数据安全协议，令其按照本政策以及其他任何相关的保密和安全措施来处理个人信息。";
    assert_eq!(status("SHR-01", s), FindingStatus::Pass);
    // rw_27.jsonl:55 — information partners share by law.
    assert_eq!(status("COL-09", "我们关联单位、合作伙伴取得您授权或依据法律共享的信息。"), FindingStatus::Pass);
    // rw_87.jsonl:17 — 查阅 said of reading the policy is no right of access.
    assert_eq!(status("RGT-01", "您可以随时查阅本政策的最新版本。"), FindingStatus::Fail);
    assert_eq!(status("RGT-01", "您有权查阅、复制您的个人信息。"), FindingStatus::Pass);
}

#[test]
fn a_short_number_to_dial_is_a_phone() {
    // rw_27.jsonl:163.
    let text = "隐私政策\n我们重视您的个人信息，经您同意后使用这些信息提供服务。\n如有疑问，您可以拨打12123语音号码与我们联系。\n";
    assert_eq!(policylens_core::analyze(text).facts.phones, ["12123"]);
}

#[test]
fn an_sdk_provider_is_not_the_controller() {
    // rw_87.jsonl:29: a policy that names no company of its own.
    let text = "影视大全隐私政策\n我们重视您的个人信息，经您同意后使用这些信息提供服务。\n高德地图SDK由高德软件有限公司提供，用于定位。\n";
    assert_eq!(policylens_core::analyze(text).facts.controller, None);
    let own = "影视大全隐私政策\n本政策由北京某某科技有限公司制定。\n我们重视您的个人信息，经您同意后使用这些信息提供服务。\n";
    assert_eq!(policylens_core::analyze(own).facts.controller.as_deref(), Some("北京某某科技有限公司"));
}

#[test]
fn wordings_of_the_fifth_benchmark_set() {
    // rw_113.jsonl:12 — a summary announced by 要点.
    let s = "下文是我们可能收集的个人信息类型以及我们如何使用这些信息的一些示例，其中要点如下：";
    assert_eq!(status("PUB-03", s), FindingStatus::Pass);
    assert_eq!(status("PUB-03", "我们会收集您的手机号码。"), FindingStatus::Fail);
    // rw_113.jsonl:31, rw_27.jsonl:24 — collection told function by function
    // (当你使用…功能时 / …业务过程中，需要采集…) without the word 业务功能.
    let function = "当你使用「通讯录推荐好友」功能时，我们会在获得你的同意后收集你的通讯录信息。";
    assert_eq!(status("COL-01", function), FindingStatus::Pass);
    let business = "道路交通事故快处过程中，需要采集您和另一方当事人驾驶证身份信息、机动车信息。";
    assert_eq!(status("COL-01", business), FindingStatus::Pass);
    // Generic purposes stay a failure (rw_41.jsonl).
    let generic = "我们会将收集的信息用于向您提供服务、满足您的个性化需求及安全保障。";
    assert_eq!(status("COL-01", generic), FindingStatus::Fail);
}
