//! The one keymap table: it drives key handling, the help screen and the command
//! palette. Keys are written as text ("q", "ctrl-p", "shift-tab", "f1", "pgdn") so the
//! config file can override them by action name.

use serde::Serialize;

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    /// Everywhere outside text fields.
    Global,
    /// A list: the bodies, sessions and members panes, and browsers.
    List,
    /// The home screen: bodies, their sessions and members.
    Bodies,
    /// A session's screen.
    Session,
    /// The session screen's roll-call pane.
    RollCall,
    /// The chair's dashboard.
    Dashboard,
    /// The task and resolution browsers.
    Browser,
    /// A resolution's page.
    Resolution,
    /// The member's own view.
    Mine,
    /// A body's plan: goals, policies, indicators and their measurements.
    Plans,
    /// A body's evaluations: checklists, scoreboard and visits.
    Visits,
    /// One field visit: its criteria, scores and findings.
    VisitPage,
    /// Everywhere, even while typing in a field (suspend, interrupt).
    Always,
    /// A form (text typed goes into the field in focus).
    Form,
    /// The minutes editor (text typed goes into the minutes).
    Editor,
    /// The command palette (text typed is the query).
    PaletteQuery,
    /// The help screen (any key not bound here closes it).
    HelpScreen,
    /// A yes/no question (any key not bound here answers no).
    Confirm,
    /// Typing a list's filter after `/`.
    Filtering,
    /// The popup of an open vote on a member's own terminal.
    Ballot,
}

impl Scope {
    /// The scope's title in the help screen and in messages.
    pub fn title(self, lang: crate::locale::Lang) -> &'static str {
        use crate::locale::strings::{t, Msg};
        t(
            lang,
            match self {
                Scope::Global => Msg::Everywhere,
                Scope::List => Msg::Lists,
                Scope::Bodies => Msg::BodiesScreen,
                Scope::Session => Msg::SessionScreen,
                Scope::RollCall => Msg::RollCallPane,
                Scope::Dashboard => Msg::DashboardScreen,
                Scope::Browser => Msg::BrowserScreen,
                Scope::Resolution => Msg::ResolutionScreen,
                Scope::Mine => Msg::MyScreen,
                Scope::Plans => Msg::PlansScreen,
                Scope::Visits => Msg::VisitsScreen,
                Scope::VisitPage => Msg::VisitPageScreen,
                Scope::Always => Msg::ScopeAlways,
                Scope::Form => Msg::ScopeForm,
                Scope::Editor => Msg::ScopeEditor,
                Scope::PaletteQuery => Msg::ScopePalette,
                Scope::HelpScreen => Msg::ScopeHelp,
                Scope::Confirm => Msg::ScopeConfirm,
                Scope::Filtering => Msg::ScopeFilter,
                Scope::Ballot => Msg::ScopeBallot,
            },
        )
    }

    /// The scopes whose printable keys are text for a field, not commands.
    pub fn takes_text(self) -> bool {
        matches!(
            self,
            Scope::Form | Scope::Editor | Scope::PaletteQuery | Scope::Filtering
        )
    }
}

/// The groups of scopes active together, one per place a key can be pressed (most
/// specific first). Within one group a key means one action.
pub const MODES: &[&[Scope]] = &[
    &[Scope::Bodies, Scope::List, Scope::Global, Scope::Always],
    &[
        Scope::RollCall,
        Scope::Session,
        Scope::List,
        Scope::Global,
        Scope::Always,
    ],
    &[Scope::Session, Scope::List, Scope::Global, Scope::Always],
    &[Scope::Dashboard, Scope::List, Scope::Global, Scope::Always],
    &[Scope::Browser, Scope::List, Scope::Global, Scope::Always],
    &[Scope::Resolution, Scope::List, Scope::Global, Scope::Always],
    &[Scope::Mine, Scope::List, Scope::Global, Scope::Always],
    &[Scope::Plans, Scope::List, Scope::Global, Scope::Always],
    &[Scope::Visits, Scope::List, Scope::Global, Scope::Always],
    &[Scope::VisitPage, Scope::List, Scope::Global, Scope::Always],
    &[Scope::Form, Scope::Always],
    &[Scope::Editor, Scope::Always],
    &[Scope::PaletteQuery, Scope::Always],
    &[Scope::HelpScreen, Scope::Always],
    &[Scope::Confirm, Scope::Always],
    &[Scope::Filtering, Scope::Always],
    &[Scope::Ballot, Scope::Always],
];

macro_rules! actions {
    ($($variant:ident = $name:literal, $en:literal, $fa:literal;)+) => {
        /// Everything a key can do, by name.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
        pub enum Action { $($variant),+ }

        impl Action {
            pub const ALL: &'static [Action] = &[$(Action::$variant),+];
            /// The stable name used in the config file and the palette.
            pub fn name(self) -> &'static str {
                match self { $(Action::$variant => $name),+ }
            }
            pub fn describe(self, lang: crate::locale::Lang) -> &'static str {
                match (self, lang) {
                    $((Action::$variant, crate::locale::Lang::En) => $en,
                      (Action::$variant, crate::locale::Lang::Fa) => $fa),+
                }
            }
            pub fn from_name(name: &str) -> Option<Action> {
                Self::ALL.iter().copied().find(|a| a.name() == name)
            }
        }
    };
}

actions! {
    Quit = "quit", "Quit", "خروج";
    Help = "help", "Help: every key", "راهنما: همه کلیدها";
    Palette = "palette", "Command palette", "فهرست فرمان‌ها";
    Back = "back", "Back", "بازگشت";
    Up = "up", "Move up", "بالا";
    Down = "down", "Move down", "پایین";
    PageUp = "page_up", "Page up", "صفحه قبل";
    PageDown = "page_down", "Page down", "صفحه بعد";
    Top = "top", "First row", "اولین ردیف";
    Bottom = "bottom", "Last row", "آخرین ردیف";
    NextPane = "next_pane", "Next pane", "قاب بعدی";
    PrevPane = "prev_pane", "Previous pane", "قاب قبلی";
    PaneLeft = "pane_left", "The pane to the left on screen", "قاب سمت چپ صفحه";
    PaneRight = "pane_right", "The pane to the right on screen", "قاب سمت راست صفحه";
    Open = "open", "Open", "باز کردن";
    Filter = "filter", "Filter the list", "پالایش فهرست";
    Refresh = "refresh", "Reload and redraw the screen", "بارگذاری و ترسیم دوباره";
    NewBody = "new_body", "New body", "نهاد جدید";
    AddMember = "add_member", "Add a member", "افزودن عضو";
    NewSession = "new_session", "Schedule the next session", "برنامه‌ریزی جلسه بعد";
    OpenSession = "open_session", "Open the session", "شروع جلسه";
    CloseSession = "close_session", "Close the session", "ختم جلسه";
    Recess = "recess", "Take a recess (now)", "اعلام تنفس (اکنون)";
    Resume = "resume", "Resume after the recess (now)", "ادامه جلسه پس از تنفس (اکنون)";
    ApproveMinutes = "approve_minutes", "Approve the minutes (chair)", "تأیید صورتجلسه (رئیس)";
    SignMinutes = "sign_minutes", "Sign the approved minutes as yourself", "امضای صورتجلسه تأییدشده با نام خود";
    CorrectMinutes = "correct_minutes", "Correct the approved minutes at a later session (chair)", "اصلاح صورتجلسه تأییدشده (رئیس)";
    CancelSession = "cancel_session", "Cancel the session", "لغو جلسه";
    AddItem = "add_item", "Add an agenda item", "افزودن بند دستور جلسه";
    EditItem = "edit_item", "Edit the agenda item", "ویرایش بند";
    MoveItemUp = "move_item_up", "Move the item up", "جابه‌جایی بند به بالا";
    MoveItemDown = "move_item_down", "Move the item down", "جابه‌جایی بند به پایین";
    MoveItemTo = "move_item_to", "Move the item to a number (3, or 7.2 in section 7)", "انتقال بند به شماره (۳، یا ۷٫۲ در سرفصل ۷)";
    DeferItem = "defer_item", "Defer the item to the next session", "تعویق بند به جلسه بعد";
    WithdrawItem = "withdraw_item", "Withdraw the item", "استرداد بند";
    WriteMinutes = "write_minutes", "Write the item's minutes", "نوشتن صورتجلسه بند";
    ExternalEditor = "external_editor", "Write the minutes in $EDITOR", "نوشتن صورتجلسه در ویرایشگر";
    AddResolution = "add_resolution", "Record a resolution", "ثبت مصوبه";
    AddTask = "add_task", "Add a follow-up task", "افزودن پیگیری";
    ReviewTask = "review_task", "Record progress (a task or resolution)", "ثبت پیشرفت (پیگیری یا مصوبه)";
    InviteGuest = "invite_guest", "Invite a guest", "دعوت از مهمان";
    ExportMinutes = "export_minutes", "Export the minutes (Markdown and HTML)", "خروجی صورتجلسه";
    WriteInvitations = "write_invitations", "Write the invitations (one per member and guest) to the data directory", "نوشتن دعوتنامه‌ها (برای هر عضو و مدعو) در پوشهٔ داده‌ها";
    MarkPresent = "mark_present", "Present", "حاضر";
    MarkAbsent = "mark_absent", "Absent", "غایب";
    MarkExcused = "mark_excused", "Excused", "غیبت موجه";
    MarkLate = "mark_late", "Late", "با تأخیر";
    MarkRemote = "mark_remote", "Remote", "برخط";
    MarkLeft = "mark_left", "Left the room (now)", "خروج از جلسه (اکنون)";
    AllPresent = "all_present", "Mark everyone not yet marked present", "حاضر زدن همه علامت‌نخورده‌ها";
    GoDashboard = "go_dashboard", "Dashboard", "داشبورد";
    GoBodies = "go_bodies", "Bodies, sessions and members", "نهادها، جلسات و اعضا";
    GoTasks = "go_tasks", "Browse tasks", "مرور پیگیری‌ها";
    GoResolutions = "go_resolutions", "Browse resolutions", "مرور مصوبات";
    GoMine = "go_mine", "My tasks and sessions", "کارها و جلسات من";
    BodyDashboard = "body_dashboard", "Dashboard of the selected body and its children", "داشبورد نهاد انتخاب‌شده و زیرمجموعه‌ها";
    CycleScope = "cycle_scope", "Scope: all bodies, this body, with its children", "دامنه: همه، نهاد، نهاد با زیرمجموعه‌ها";
    BrowseAll = "browse_all", "Browse the whole list behind the figure", "مرور کل فهرست پشت این رقم";
    EditFilter = "edit_filter", "Filter by body, status, assignee, dates", "پالایش: نهاد، وضعیت، مسئول، معوق، تاریخ، ترتیب";
    CycleOrder = "cycle_order", "Change the order", "تغییر ترتیب";
    ToggleOverdue = "toggle_overdue", "Only overdue, or all", "فقط معوق‌ها، یا همه";
    ToggleChildren = "toggle_children", "With or without the body's children", "با یا بدون زیرمجموعه‌های نهاد";
    Suspend = "suspend", "Suspend shura (the shell's fg resumes it)", "تعلیق شورا (با fg در پوسته ادامه می‌یابد)";
    Interrupt = "interrupt", "Quit now; what is typed is kept as a draft", "خروج فوری؛ متن نوشته‌شده پیش‌نویس می‌ماند";
    NextField = "next_field", "Next field", "فیلد بعد";
    PrevField = "prev_field", "Previous field", "فیلد قبل";
    CursorLeft = "cursor_left", "Cursor left; a choice: the previous one", "مکان‌نما به چپ؛ گزینه قبل";
    CursorRight = "cursor_right", "Cursor right; a choice: the next one", "مکان‌نما به راست؛ گزینه بعد";
    LineStart = "line_start", "Start of the line", "ابتدای سطر";
    LineEnd = "line_end", "End of the line", "انتهای سطر";
    DeleteBack = "delete_back", "Delete the character before the cursor", "حذف نویسه پیش از مکان‌نما";
    DeleteForward = "delete_forward", "Delete the character under the cursor", "حذف نویسه زیر مکان‌نما";
    SaveForm = "save_form", "Save (after a conflict: yours over theirs)", "ذخیره (پس از تعارض: نسخه خودتان)";
    CloseForm = "close_form", "Close the form without saving", "بستن فرم بدون ذخیره";
    TakeTheirs = "take_theirs", "Conflict: take the other person's version", "تعارض: گرفتن نسخه کاربر دیگر";
    Unanimous = "unanimous", "Votes: every member for (unanimously)", "آراء: همه اعضا موافق (به اتفاق آراء)";
    MergeInEditor = "merge_in_editor", "Conflict: merge both in $EDITOR", "تعارض: ادغام هر دو در ویرایشگر خارجی";
    SaveMinutes = "save_minutes", "Save the minutes (after a conflict: yours)", "ذخیره صورتجلسه (پس از تعارض: نسخه خودتان)";
    CloseEditor = "close_editor", "Close; minutes are kept as a draft", "بستن؛ صورتجلسه پیش‌نویس می‌ماند";
    ContinueInEditor = "continue_in_editor", "Continue in $EDITOR", "ادامه در ویرایشگر خارجی";
    Newline = "newline", "New line", "سطر جدید";
    Indent = "indent", "Indent (four spaces)", "تورفتگی (چهار فاصله)";
    RunCommand = "run_command", "Run the chosen command", "اجرای فرمان انتخاب‌شده";
    ConfirmYes = "confirm_yes", "Yes, do it", "بله، انجام شود";
    ConfirmNo = "confirm_no", "No (so does any other key)", "خیر (هر کلید دیگر هم)";
    FilterDone = "filter_done", "Keep the filter and go back to the list", "نگه داشتن پالایش و بازگشت به فهرست";
    ClearFilter = "clear_filter", "Clear the filter", "پاک کردن پالایش";
    MoveMotion = "move_motion", "Move a motion", "طرح پیشنهاد";
    AmendMotion = "amend_motion", "Amend the selected motion", "اصلاحیه بر پیشنهاد انتخاب‌شده";
    SecondMotion = "second_motion", "Second the selected motion", "ثبت موافق دوم پیشنهاد";
    WithdrawMotion = "withdraw_motion", "Withdraw the selected motion", "استرداد پیشنهاد";
    LapseMotion = "lapse_motion", "The motion failed for lack of a second", "پیشنهاد بدون موافق دوم طرح نشد";
    AcceptAmendment = "accept_amendment", "Accept the amendment without objection", "پذیرش اصلاحیه بدون مخالفت";
    TakeVote = "take_vote", "Take a vote on the selected motion", "رأی‌گیری پیشنهاد انتخاب‌شده";
    OpenVote = "open_vote", "Open a vote members cast from their terminals", "گشودن رأی‌گیری از پایانه اعضا";
    CastFor = "cast_for", "Enter the vote of a member without a terminal", "ثبت رأی عضوی که پایانه ندارد";
    CloseVote = "close_vote", "Close the open vote and count it", "بستن رأی‌گیری و شمارش آرا";
    DeclareInterest = "declare_interest", "Declare a member's interest in the item", "ثبت تعارض منافع عضو در این بند";
    ToggleConsent = "toggle_consent", "Put the item on the consent agenda, or take it off", "افزودن بند به دستور یکجا یا برداشتن آن";
    MoveConsent = "move_consent", "Move the consent agenda as one motion", "طرح دستور یکجا در یک پیشنهاد";
    VoteFor = "vote_for", "Vote for", "رأی موافق";
    VoteAgainst = "vote_against", "Vote against", "رأی مخالف";
    VoteAbstain = "vote_abstain", "Abstain", "رأی ممتنع";
    VoteNotVoting = "vote_not_voting", "Present, not voting", "حاضر، بدون رأی";
    HideBallot = "hide_ballot", "Hide the vote for now", "پنهان کردن رأی‌گیری فعلاً";
    ShowBallot = "show_ballot", "Show the vote open to you again", "نمایش دوباره رأی‌گیری باز برای شما";
    EditBody = "edit_body", "Edit the selected body", "ویرایش نهاد انتخاب‌شده";
    EditMember = "edit_member", "Edit the membership (role, vote, term)", "ویرایش عضویت انتخاب‌شده (سمت، حق رأی، دوره)";
    EndMember = "end_member", "End the selected membership on a day", "پایان دادن به عضویت انتخاب‌شده در یک روز";
    EditPerson = "edit_person", "Edit the member's name, login, email", "ویرایش مشخصات شخص عضو انتخاب‌شده";
    EditGuest = "edit_guest", "Edit a guest of the session", "ویرایش مهمان جلسه";
    RemoveGuest = "remove_guest", "Remove a guest from the session", "حذف مهمان از جلسه";
    EditResolution = "edit_resolution", "Correct the resolution (text, votes, due)", "اصلاح مصوبه (متن، نتیجه، آرا، مسئول، مهلت)";
    EditTask = "edit_task", "Correct the selected task", "اصلاح پیگیری انتخاب‌شده";
    RemoveItem = "remove_item", "Remove the agenda item, if nothing refers to it", "حذف بند دستور جلسه (اگر چیزی به آن ارجاع ندارد)";
    SendResolution = "send_resolution", "Send the resolution (ابلاغ): to whom, letter number, day", "ابلاغ مصوبه: گیرندگان، شماره نامه، تاریخ";
    AcknowledgeSending = "acknowledge_sending", "Record a recipient's acknowledgement", "ثبت رسید ابلاغ";
    ObjectResolution = "object_resolution", "Record an objection to the resolution", "ثبت اعتراض به مصوبه";
    AnswerObjection = "answer_objection", "Record the body's answer to an objection: insist, amend, withdraw", "ثبت پاسخ شورا به اعتراض: اصرار، اصلاح، انصراف";
    RuleOnResolution = "rule_on_resolution", "Record the dispute board's ruling", "ثبت رأی هیئت حل اختلاف";
    GoPlans = "go_plans", "Plan: goals, each policy, indicators", "برنامه: اهداف، سیاست‌ها، شاخص‌ها";
    NewGoal = "new_goal", "New goal of the plan", "هدف تازهٔ برنامه";
    NewPolicy = "new_policy", "New policy (under the goal in view)", "سیاست تازه (زیر هدف انتخاب‌شده)";
    NewIndicator = "new_indicator", "New indicator of the selected policy", "شاخص تازهٔ سیاست انتخاب‌شده";
    EditPlanRow = "edit_plan_row", "Edit the goal, policy or indicator under the cursor", "ویرایش هدف، سیاست یا شاخص انتخاب‌شده";
    RecordMeasurement = "record_measurement", "Record a measurement of the indicator (a period again corrects it)", "ثبت سنجش شاخص (ثبت دوباره یک دوره آن را اصلاح می‌کند)";
    GoVisits = "go_visits", "Evaluations: checklists, field visits, scoreboard", "ارزیابی: چک‌لیست‌ها، بازدیدها، جدول امتیاز";
    NewChecklist = "new_checklist", "New checklist: weighted criteria, units", "چک‌لیست تازه: معیارهای وزن‌دار، واحدها";
    EditChecklist = "edit_checklist", "Edit the checklist", "ویرایش چک‌لیست";
    NewVisit = "new_visit", "Record a field visit to a unit", "ثبت بازدید میدانی از یک واحد";
    ScoreCriterion = "score_criterion", "Score the criterion under the cursor, with its finding", "امتیاز معیار زیر مکان‌نما، با یافتهٔ آن";
    FindingToTask = "finding_to_task", "Make the finding a follow-up task", "تبدیل یافته به اقدام پیگیری";
}

/// One key bound to one action in one scope.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Binding {
    pub scope: Scope,
    pub keys: Vec<String>,
    pub action: Action,
}

/// The default bindings. Order is the order of the help screen.
pub fn default_bindings() -> Vec<Binding> {
    use Action::*;
    use Scope::*;
    let b = |scope, keys: &[&str], action| Binding {
        scope,
        keys: keys.iter().map(|k| k.to_string()).collect(),
        action,
    };
    vec![
        b(Global, &["q"], Quit),
        b(Global, &["?", "f1"], Help),
        b(Global, &[":", "ctrl-p"], Palette),
        b(Global, &["esc"], Back),
        b(Global, &["ctrl-r", "ctrl-l"], Refresh),
        b(List, &["up", "k"], Up),
        b(List, &["down", "j"], Down),
        b(List, &["pgup", "ctrl-b"], PageUp),
        b(List, &["pgdn", "ctrl-f"], PageDown),
        b(List, &["home", "g"], Top),
        b(List, &["end", "G"], Bottom),
        b(List, &["tab"], NextPane),
        b(List, &["shift-tab"], PrevPane),
        b(List, &["left", "h"], PaneLeft),
        b(List, &["right", "l"], PaneRight),
        b(List, &["enter"], Open),
        b(List, &["/"], Filter),
        b(Bodies, &["B"], NewBody),
        b(Bodies, &["M"], AddMember),
        b(Bodies, &["n"], NewSession),
        b(Session, &["O"], OpenSession),
        b(Session, &["C"], CloseSession),
        b(Session, &["R"], Recess),
        b(Session, &["U"], Resume),
        b(Session, &["A"], ApproveMinutes),
        b(Session, &["H"], CorrectMinutes),
        b(Session, &["T"], SignMinutes),
        b(Session, &["X"], CancelSession),
        b(Session, &["a"], AddItem),
        b(Session, &["e"], EditItem),
        b(Session, &["K", "shift-up"], MoveItemUp),
        b(Session, &["J", "shift-down"], MoveItemDown),
        b(Session, &["#"], MoveItemTo),
        b(Session, &["d"], DeferItem),
        b(Session, &["w"], WithdrawItem),
        b(Session, &["m"], WriteMinutes),
        b(Session, &["E"], ExternalEditor),
        b(Session, &["r"], AddResolution),
        b(Session, &["t"], AddTask),
        b(Session, &["u"], ReviewTask),
        b(Session, &["i"], InviteGuest),
        b(Session, &["x"], ExportMinutes),
        b(Session, &["ctrl-n"], WriteInvitations),
        b(RollCall, &["p"], MarkPresent),
        b(RollCall, &["b"], MarkAbsent),
        b(RollCall, &["s"], MarkExcused),
        b(RollCall, &["L"], MarkLate),
        b(RollCall, &["o"], MarkRemote),
        b(RollCall, &["v"], MarkLeft),
        b(RollCall, &["P"], AllPresent),
        b(Global, &["1"], GoDashboard),
        b(Global, &["2"], GoBodies),
        b(Global, &["3"], GoTasks),
        b(Global, &["4"], GoResolutions),
        b(Global, &["5"], GoMine),
        b(Bodies, &["D"], BodyDashboard),
        b(Dashboard, &["s"], CycleScope),
        b(Dashboard, &["b"], BrowseAll),
        b(Browser, &["f"], EditFilter),
        b(Browser, &["o"], CycleOrder),
        b(Browser, &["!"], ToggleOverdue),
        b(Browser, &["c"], ToggleChildren),
        b(Browser, &["u"], ReviewTask),
        b(Resolution, &["u"], ReviewTask),
        b(Mine, &["u"], ReviewTask),
        b(Always, &["ctrl-c"], Interrupt),
        b(Always, &["ctrl-z"], Suspend),
        b(Form, &["enter", "ctrl-s"], SaveForm),
        b(Form, &["esc"], CloseForm),
        b(Form, &["tab", "down"], NextField),
        b(Form, &["shift-tab", "up"], PrevField),
        b(Form, &["left"], CursorLeft),
        b(Form, &["right"], CursorRight),
        b(Form, &["home"], LineStart),
        b(Form, &["end"], LineEnd),
        b(Form, &["backspace"], DeleteBack),
        b(Form, &["delete"], DeleteForward),
        b(Form, &["ctrl-u"], Unanimous),
        b(Form, &["ctrl-t"], TakeTheirs),
        b(Form, &["ctrl-e"], MergeInEditor),
        b(Editor, &["ctrl-s"], SaveMinutes),
        b(Editor, &["esc"], CloseEditor),
        b(Editor, &["ctrl-e"], ContinueInEditor),
        b(Editor, &["ctrl-t"], TakeTheirs),
        b(Editor, &["enter"], Newline),
        b(Editor, &["tab"], Indent),
        b(Editor, &["up"], Up),
        b(Editor, &["down"], Down),
        b(Editor, &["left"], CursorLeft),
        b(Editor, &["right"], CursorRight),
        b(Editor, &["home"], LineStart),
        b(Editor, &["end"], LineEnd),
        b(Editor, &["backspace"], DeleteBack),
        b(Editor, &["delete"], DeleteForward),
        b(PaletteQuery, &["enter"], RunCommand),
        b(PaletteQuery, &["esc"], Back),
        b(PaletteQuery, &["up"], Up),
        b(PaletteQuery, &["down"], Down),
        b(PaletteQuery, &["backspace"], DeleteBack),
        b(HelpScreen, &["down", "j"], Down),
        b(HelpScreen, &["up", "k"], Up),
        b(HelpScreen, &["pgdn"], PageDown),
        b(HelpScreen, &["pgup"], PageUp),
        b(HelpScreen, &["esc"], Back),
        b(Confirm, &["y", "Y"], ConfirmYes),
        b(Confirm, &["n", "esc"], ConfirmNo),
        b(Filtering, &["enter"], FilterDone),
        b(Filtering, &["esc"], ClearFilter),
        b(Filtering, &["backspace"], DeleteBack),
        b(Session, &["M"], MoveMotion),
        b(Session, &["N"], AmendMotion),
        b(Session, &["S"], SecondMotion),
        b(Session, &["W"], WithdrawMotion),
        b(Session, &["D"], LapseMotion),
        b(Session, &["F"], AcceptAmendment),
        b(Session, &["v"], TakeVote),
        b(Session, &["V"], OpenVote),
        b(Session, &["c"], CloseVote),
        b(Session, &["f"], CastFor),
        b(Session, &["I"], DeclareInterest),
        b(Session, &["z"], ToggleConsent),
        b(Session, &["Z"], MoveConsent),
        b(Ballot, &["y"], VoteFor),
        b(Ballot, &["n"], VoteAgainst),
        b(Ballot, &["a"], VoteAbstain),
        b(Ballot, &["p"], VoteNotVoting),
        b(Ballot, &["esc"], HideBallot),
        b(Global, &["Y"], ShowBallot),
        b(Bodies, &["e"], EditBody),
        b(Bodies, &["E"], EditMember),
        b(Bodies, &["X"], EndMember),
        b(Bodies, &["p"], EditPerson),
        b(Session, &["ctrl-g"], EditGuest),
        b(Session, &["ctrl-x"], RemoveGuest),
        b(Session, &["ctrl-e"], EditResolution),
        b(Session, &["ctrl-t"], EditTask),
        b(Session, &["delete"], RemoveItem),
        b(Resolution, &["e"], EditResolution),
        b(Resolution, &["t"], EditTask),
        b(Resolution, &["s"], SendResolution),
        b(Resolution, &["a"], AcknowledgeSending),
        b(Resolution, &["o"], ObjectResolution),
        b(Resolution, &["w"], AnswerObjection),
        b(Resolution, &["R"], RuleOnResolution),
        b(Browser, &["e"], EditTask),
        b(Browser, &["E"], EditResolution),
        b(Mine, &["e"], EditTask),
        b(Bodies, &["P"], GoPlans),
        b(Plans, &["O"], NewGoal),
        b(Plans, &["p"], NewPolicy),
        b(Plans, &["i"], NewIndicator),
        b(Plans, &["e"], EditPlanRow),
        b(Plans, &["m"], RecordMeasurement),
        b(Bodies, &["V"], GoVisits),
        b(Visits, &["c"], NewChecklist),
        b(Visits, &["e"], EditChecklist),
        b(Visits, &["a"], NewVisit),
        b(VisitPage, &["s"], ScoreCriterion),
        b(VisitPage, &["t"], FindingToTask),
        b(VisitPage, &["a"], NewVisit),
    ]
}

/// Applies `[keys]` overrides from the config: `action = "key"` (or "key1, key2").
/// Returns the problems found (unknown action names).
pub fn apply_overrides(
    bindings: &mut [Binding],
    overrides: &std::collections::BTreeMap<String, String>,
) -> Vec<String> {
    let mut problems = Vec::new();
    for (name, keys) in overrides {
        let Some(action) = Action::from_name(name) else {
            problems.push(format!(
                "keys.{name}: no such action; the actions are listed in the help screen (?)"
            ));
            continue;
        };
        let keys: Vec<String> = keys
            .split(',')
            .map(|k| k.trim().to_string())
            .filter(|k| !k.is_empty())
            .collect();
        for b in bindings.iter_mut().filter(|b| b.action == action) {
            b.keys = keys.clone();
        }
    }
    problems
}

/// Finds the action for a key in the scopes active now (most specific first).
pub fn lookup(bindings: &[Binding], scopes: &[Scope], key: &str) -> Option<Action> {
    for scope in scopes {
        if let Some(b) = bindings
            .iter()
            .find(|b| b.scope == *scope && b.keys.iter().any(|k| k == key))
        {
            return Some(b.action);
        }
    }
    None
}

/// Like [`lookup`], and a key typed on the Persian keyboard that is bound to nothing
/// acts as the Latin key at the same place (`ض` as `q`, `ctrl-ش` as `ctrl-a`). For keys
/// outside text fields only: a field receives the Persian letter as typed.
pub fn lookup_any_layout(bindings: &[Binding], scopes: &[Scope], key: &str) -> Option<Action> {
    lookup(bindings, scopes, key)
        .or_else(|| latin_key_name(key).and_then(|k| lookup(bindings, scopes, &k)))
}

/// The standard Persian keyboard (ISIRI 9147): each Persian character and the Latin
/// key (US layout) at the same place, unshifted then shifted. Shift on a letter gives
/// a different Persian character there; it stands for the capital Latin letter. Shift
/// on O and P gives `]` and `[`: they stand for O and P when bound to nothing as typed
/// (shift+space, a zero-width non-joiner like shift+B, is B).
pub const PERSIAN_LAYOUT: &[(char, char)] = &[
    // qwertyuiop[]
    ('ض', 'q'),
    ('ص', 'w'),
    ('ث', 'e'),
    ('ق', 'r'),
    ('ف', 't'),
    ('غ', 'y'),
    ('ع', 'u'),
    ('ه', 'i'),
    ('خ', 'o'),
    ('ح', 'p'),
    ('ج', '['),
    ('چ', ']'),
    // asdfghjkl;'
    ('ش', 'a'),
    ('س', 's'),
    ('ی', 'd'),
    ('ب', 'f'),
    ('ل', 'g'),
    ('ا', 'h'),
    ('ت', 'j'),
    ('ن', 'k'),
    ('م', 'l'),
    ('ک', ';'),
    ('گ', '\''),
    // zxcvbnm,./ (. and / are the same characters)
    ('ظ', 'z'),
    ('ط', 'x'),
    ('ز', 'c'),
    ('ر', 'v'),
    ('ذ', 'b'),
    ('د', 'n'),
    ('پ', 'm'),
    ('و', ','),
    // Shifted QWERTYUIOP: the short vowels and tanwin, then brackets.
    ('\u{652}', 'Q'),
    ('\u{64C}', 'W'),
    ('\u{64D}', 'E'),
    ('\u{64B}', 'R'),
    ('\u{64F}', 'T'),
    ('\u{650}', 'Y'),
    ('\u{64E}', 'U'),
    ('\u{651}', 'I'),
    (']', 'O'),
    ('[', 'P'),
    // Shifted ASDFGHJKL;'
    ('ؤ', 'A'),
    ('ئ', 'S'),
    ('ي', 'D'),
    ('إ', 'F'),
    ('أ', 'G'),
    ('آ', 'H'),
    ('ة', 'J'),
    ('»', 'K'),
    ('«', 'L'),
    ('؛', '"'),
    // Shifted ZXCVBNM,./
    ('ك', 'Z'),
    ('\u{653}', 'X'),
    ('ژ', 'C'),
    ('\u{670}', 'V'),
    ('\u{200C}', 'B'),
    ('\u{654}', 'N'),
    ('ء', 'M'),
    ('؟', '?'),
    // The number row: ` is the zero-width joiner; shifted, the Persian signs. (The
    // shifted . , 9 0 give < > ) ( of the mirrored Latin ones: left as typed.)
    ('\u{200D}', '`'),
    ('÷', '~'),
    ('٬', '@'),
    ('٫', '#'),
    ('﷼', '$'),
    ('٪', '%'),
    ('×', '^'),
    ('،', '&'),
    ('ـ', '_'),
    // The digits, Persian and Arabic-Indic.
    ('۰', '0'),
    ('۱', '1'),
    ('۲', '2'),
    ('۳', '3'),
    ('۴', '4'),
    ('۵', '5'),
    ('۶', '6'),
    ('۷', '7'),
    ('۸', '8'),
    ('۹', '9'),
    ('٠', '0'),
    ('١', '1'),
    ('٢', '2'),
    ('٣', '3'),
    ('٤', '4'),
    ('٥', '5'),
    ('٦', '6'),
    ('٧', '7'),
    ('٨', '8'),
    ('٩', '9'),
];

/// The Latin key at the place of a character of the Persian keyboard.
pub fn latin_equivalent(c: char) -> Option<char> {
    PERSIAN_LAYOUT
        .iter()
        .find(|(fa, _)| *fa == c)
        .map(|(_, latin)| *latin)
}

/// A key name with its character replaced by the Latin key at the same place on the
/// Persian keyboard ("ض" → "q", "ctrl-ش" → "ctrl-a"); none when nothing changes.
pub fn latin_key_name(name: &str) -> Option<String> {
    let (mods, rest) = split_modifiers(name);
    let mut chars = rest.chars();
    let (Some(c), None) = (chars.next(), chars.next()) else {
        return None;
    };
    let latin = latin_equivalent(c)?;
    // Control letters are named lower case (see `tui::keys::key_name`).
    let latin = if mods.contains("ctrl-") {
        latin.to_ascii_lowercase()
    } else {
        latin
    };
    Some(format!("{mods}{latin}"))
}

/// The named keys a binding may use, besides single characters and f1..f12.
pub const NAMED_KEYS: &[&str] = &[
    "enter",
    "esc",
    "tab",
    "backspace",
    "delete",
    "up",
    "down",
    "left",
    "right",
    "home",
    "end",
    "pgup",
    "pgdn",
];

/// The "ctrl-", "alt-", "shift-" prefixes of a key name (in that order, each at most
/// once) and the rest.
fn split_modifiers(name: &str) -> (&str, &str) {
    let mut rest = name;
    for prefix in ["ctrl-", "alt-", "shift-"] {
        // "ctrl--" is Ctrl and the minus key: a prefix needs something after it.
        if rest.len() > prefix.len() && rest.starts_with(prefix) {
            rest = &rest[prefix.len()..];
        }
    }
    (&name[..name.len() - rest.len()], rest)
}

/// Whether a key name is one a key press can produce (the names of
/// `tui::keys::key_name`): optional "ctrl-", "alt-", "shift-" prefixes in that order,
/// then one character or a named key (enter, esc, tab, backspace, delete, up, down,
/// left, right, home, end, pgup, pgdn, f1..f12). A shifted character is written as
/// itself ("G", "?"), not with "shift-"; a control letter in lower case ("ctrl-p").
pub fn is_valid_key_name(name: &str) -> bool {
    let (mods, rest) = split_modifiers(name);
    let mut chars = rest.chars();
    match (chars.next(), chars.next()) {
        (None, _) => false,
        (Some(c), None) => {
            let never_pressed = c.is_whitespace()
                || c.is_control()
                || mods.contains("shift-")
                || (mods.contains("ctrl-") && c.is_uppercase());
            !never_pressed
        }
        _ => {
            NAMED_KEYS.contains(&rest)
                || rest
                    .strip_prefix('f')
                    .and_then(|n| n.parse::<u8>().ok())
                    .is_some_and(|n| (1..=12).contains(&n) && !rest.starts_with("f0"))
        }
    }
}

/// Two actions on one key in one mode, each with the scope it is bound in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clash {
    pub key: String,
    pub first: Action,
    pub first_scope: Scope,
    pub second: Action,
    pub second_scope: Scope,
}

/// Every key bound to two different actions among the scopes of one mode ([`MODES`]).
/// A key of the roll-call pane may shadow a less specific one on purpose.
pub fn clashes(bindings: &[Binding]) -> Vec<Clash> {
    let mut out: Vec<Clash> = Vec::new();
    for mode in MODES {
        let mut seen: Vec<(&str, Action, Scope)> = Vec::new();
        for scope in mode.iter() {
            for b in bindings.iter().filter(|b| b.scope == *scope) {
                for k in &b.keys {
                    if let Some((_, other, other_scope)) =
                        seen.iter().find(|(key, a, _)| key == k && *a != b.action)
                    {
                        let shadowing =
                            *other_scope == Scope::RollCall && b.scope != Scope::RollCall;
                        let clash = Clash {
                            key: k.clone(),
                            first: *other,
                            first_scope: *other_scope,
                            second: b.action,
                            second_scope: b.scope,
                        };
                        if !shadowing && !out.contains(&clash) {
                            out.push(clash);
                        }
                    }
                    seen.push((k, b.action, b.scope));
                }
            }
        }
    }
    out
}

/// The keys of an action, joined for display ("?, f1").
pub fn keys_of(bindings: &[Binding], action: Action) -> String {
    let mut keys: Vec<&str> = Vec::new();
    for k in bindings
        .iter()
        .filter(|b| b.action == action)
        .flat_map(|b| b.keys.iter())
    {
        if !keys.contains(&k.as_str()) {
            keys.push(k);
        }
    }
    keys.join(", ")
}

/// The first key of an action in a scope, as a hint shows it ("Ctrl-S", "Esc", "←");
/// empty if the action has no key there.
pub fn key_hint(bindings: &[Binding], scope: Scope, action: Action) -> String {
    bindings
        .iter()
        .filter(|b| b.scope == scope && b.action == action)
        .flat_map(|b| b.keys.first())
        .next()
        .map(|k| key_label(k))
        .unwrap_or_default()
}

/// A key name as people write it: "ctrl-s" → "Ctrl-S", "esc" → "Esc", "left" → "←".
pub fn key_label(name: &str) -> String {
    let (mods, rest) = split_modifiers(name);
    let mut out = String::new();
    for (prefix, label) in [("ctrl-", "Ctrl-"), ("alt-", "Alt-"), ("shift-", "Shift-")] {
        if mods.contains(prefix) {
            out.push_str(label);
        }
    }
    let key = match rest {
        "left" => "←".to_string(),
        "right" => "→".to_string(),
        "up" => "↑".to_string(),
        "down" => "↓".to_string(),
        "pgup" => "PgUp".to_string(),
        "pgdn" => "PgDn".to_string(),
        k if k.chars().count() == 1 => {
            if mods.is_empty() {
                k.to_string()
            } else {
                k.to_uppercase()
            }
        }
        k => {
            let mut c = k.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect())
                .unwrap_or_default()
        }
    };
    out.push_str(&key);
    out
}

/// A hint line of the catalogue ("{} save|{} cancel") with the keys filled in; a hint
/// whose action has no key is left out.
pub fn fill_hints(template: &str, keys: &[String]) -> String {
    let mut keys = keys.iter();
    template
        .split('|')
        .filter_map(|part| {
            let mut out = String::new();
            let mut rest = part;
            let mut missing = false;
            while let Some(i) = rest.find("{}") {
                out.push_str(&rest[..i]);
                let k = keys.next().map(String::as_str).unwrap_or("");
                missing |= k.is_empty();
                out.push_str(k);
                rest = &rest[i + 2..];
            }
            out.push_str(rest);
            (!missing).then_some(out)
        })
        .collect::<Vec<_>>()
        .join("|")
}

/// The keys of an action in some scopes only, joined for display.
pub fn keys_in(bindings: &[Binding], scopes: &[Scope], action: Action) -> String {
    let mine: Vec<Binding> = bindings
        .iter()
        .filter(|b| scopes.contains(&b.scope))
        .cloned()
        .collect();
    keys_of(&mine, action)
}

/// The help screen's lines for the scopes given (each scope with its title): a title
/// line, then each binding's keys and what it does. Nothing but the table is read.
pub fn help_lines(
    bindings: &[Binding],
    scopes: &[(Scope, &str)],
    lang: crate::locale::Lang,
) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (scope, title) in scopes {
        out.push((String::new(), format!("— {title} —")));
        for b in bindings.iter().filter(|b| b.scope == *scope) {
            out.push((b.keys.join(", "), b.action.describe(lang).to_string()));
        }
    }
    out
}

/// The actions bound in some scopes (even with no key left after the user's
/// overrides), in the table's order of actions, whose name or description contains the
/// query (compared as the search compares: letters and digits normalized).
pub fn palette_matches(
    bindings: &[Binding],
    scopes: &[Scope],
    lang: crate::locale::Lang,
    query: &str,
) -> Vec<Action> {
    let q = crate::locale::normalize::normalize_for_search(query);
    Action::ALL
        .iter()
        .copied()
        .filter(|a| {
            bindings
                .iter()
                .any(|b| b.action == *a && scopes.contains(&b.scope))
        })
        .filter(|a| {
            q.is_empty()
                || a.name().contains(&q)
                || crate::locale::normalize::normalize_for_search(a.describe(lang)).contains(&q)
        })
        .collect()
}

/// The help lines and palette matches last built, kept until the screen, the language
/// or the query changes (so a key in a popup does not build them again).
#[derive(Debug, Default)]
pub struct ListingCache {
    help: std::cell::RefCell<Option<(HelpKey, HelpLines)>>,
    palette: std::cell::RefCell<Option<(PaletteKey, std::sync::Arc<Vec<Action>>)>>,
}

type HelpKey = (Vec<Scope>, crate::locale::Lang);
type HelpLines = std::sync::Arc<Vec<(String, String)>>;
type PaletteKey = (Vec<Scope>, crate::locale::Lang, String);

impl ListingCache {
    /// The help lines for the scopes shown, built by `build` only when they or the
    /// language changed. The bindings are set once at the start; a change of them drops
    /// the cache through [`ListingCache::clear`].
    pub fn help(
        &self,
        scopes: &[Scope],
        lang: crate::locale::Lang,
        build: impl FnOnce() -> Vec<(String, String)>,
    ) -> std::sync::Arc<Vec<(String, String)>> {
        let mut cell = self.help.borrow_mut();
        if let Some((key, lines)) = cell.as_ref() {
            if key.0 == scopes && key.1 == lang {
                return std::sync::Arc::clone(lines);
            }
        }
        let lines = std::sync::Arc::new(build());
        *cell = Some(((scopes.to_vec(), lang), std::sync::Arc::clone(&lines)));
        lines
    }

    /// The palette's matches, built by `build` only when the scopes, the language or
    /// the query changed.
    pub fn palette(
        &self,
        scopes: &[Scope],
        lang: crate::locale::Lang,
        query: &str,
        build: impl FnOnce() -> Vec<Action>,
    ) -> std::sync::Arc<Vec<Action>> {
        let mut cell = self.palette.borrow_mut();
        if let Some((key, matches)) = cell.as_ref() {
            if key.0 == scopes && key.1 == lang && key.2 == query {
                return std::sync::Arc::clone(matches);
            }
        }
        let matches = std::sync::Arc::new(build());
        *cell = Some((
            (scopes.to_vec(), lang, query.to_string()),
            std::sync::Arc::clone(&matches),
        ));
        matches
    }

    pub fn clear(&self) {
        self.help.borrow_mut().take();
        self.palette.borrow_mut().take();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_action_has_a_binding_and_names_are_unique() {
        let bindings = default_bindings();
        for a in Action::ALL {
            assert!(bindings.iter().any(|b| b.action == *a), "{a:?} has no key");
        }
        let mut names: Vec<&str> = Action::ALL.iter().map(|a| a.name()).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), Action::ALL.len());
    }

    #[test]
    fn no_key_is_bound_twice_in_scopes_that_meet() {
        assert_eq!(clashes(&default_bindings()), vec![]);
        // And the check sees one when there is.
        let mut bindings = default_bindings();
        let mut o = std::collections::BTreeMap::new();
        o.insert("quit".to_string(), "n".to_string());
        apply_overrides(&mut bindings, &o);
        let found = clashes(&bindings);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].key, "n");
        assert_eq!(
            (found[0].first, found[0].first_scope),
            (Action::NewSession, Scope::Bodies)
        );
        assert_eq!(
            (found[0].second, found[0].second_scope),
            (Action::Quit, Scope::Global)
        );
    }

    #[test]
    fn every_default_key_name_is_valid() {
        for b in default_bindings() {
            for k in &b.keys {
                assert!(is_valid_key_name(k), "{k} of {:?}", b.action);
            }
        }
    }

    #[test]
    fn key_names_follow_the_grammar_of_key_presses() {
        for good in [
            "q",
            "G",
            "?",
            "-",
            "ctrl--",
            "ctrl-p",
            "alt-x",
            "ctrl-alt-x",
            "shift-tab",
            "shift-up",
            "ctrl-shift-left",
            "f1",
            "f12",
            "pgdn",
            "enter",
            "ض",
            "ctrl-ض",
        ] {
            assert!(is_valid_key_name(good), "{good} is valid");
        }
        for bad in [
            "",
            "ctrl-qq",
            "fn5",
            "f13",
            "f0",
            "f01",
            "ctrl-",
            "space",
            "shift-a",
            "ctrl-P",
            "alt-ctrl-x",
            "ctrl-ctrl-x",
            "Enter",
            "page_down",
            " ",
        ] {
            assert!(!is_valid_key_name(bad), "{bad:?} is not valid");
        }
    }

    #[test]
    fn persian_keyboard_keys_are_the_latin_keys_at_their_place() {
        let pairs = [
            ('ض', 'q'),
            ('ص', 'w'),
            ('ث', 'e'),
            ('ق', 'r'),
            ('ف', 't'),
            ('غ', 'y'),
            ('ع', 'u'),
            ('ه', 'i'),
            ('خ', 'o'),
            ('ح', 'p'),
            ('ش', 'a'),
            ('س', 's'),
            ('ی', 'd'),
            ('ب', 'f'),
            ('ل', 'g'),
            ('ا', 'h'),
            ('ت', 'j'),
            ('ن', 'k'),
            ('م', 'l'),
            ('ظ', 'z'),
            ('ط', 'x'),
            ('ز', 'c'),
            ('ر', 'v'),
            ('ذ', 'b'),
            ('د', 'n'),
            ('پ', 'm'),
            ('و', ','),
            ('؟', '?'),
            ('۱', '1'),
            ('۵', '5'),
            ('ؤ', 'A'),
            ('ژ', 'C'),
            ('أ', 'G'),
            ('»', 'K'),
            ('ة', 'J'),
            ('«', 'L'),
            ('ء', 'M'),
            (']', 'O'),
            ('[', 'P'),
            ('\u{653}', 'X'),
            ('\u{200C}', 'B'),
            ('\u{64D}', 'E'),
        ];
        for (fa, latin) in pairs {
            assert_eq!(latin_equivalent(fa), Some(latin), "{fa}");
        }
        // One Latin key for each Persian character, and no Persian character twice.
        let mut fa: Vec<char> = PERSIAN_LAYOUT.iter().map(|(f, _)| *f).collect();
        fa.sort_unstable();
        fa.dedup();
        assert_eq!(fa.len(), PERSIAN_LAYOUT.len());
        assert_eq!(latin_equivalent('q'), None);
        assert_eq!(latin_key_name("ctrl-ش").as_deref(), Some("ctrl-a"));
        assert_eq!(latin_key_name("ctrl-ؤ").as_deref(), Some("ctrl-a"));
        assert_eq!(latin_key_name("enter"), None);
    }

    #[test]
    fn a_persian_key_acts_as_its_latin_key_unless_bound_as_typed() {
        let mut bindings = default_bindings();
        let scopes = [Scope::Bodies, Scope::List, Scope::Global, Scope::Always];
        assert_eq!(
            lookup_any_layout(&bindings, &scopes, "ض"),
            Some(Action::Quit)
        );
        assert_eq!(
            lookup_any_layout(&bindings, &scopes, "د"),
            Some(Action::NewSession)
        );
        assert_eq!(
            lookup_any_layout(&bindings, &scopes, "ء"),
            Some(Action::AddMember)
        );
        assert_eq!(
            lookup_any_layout(&bindings, &scopes, "\u{200C}"),
            Some(Action::NewBody)
        );
        assert_eq!(
            lookup_any_layout(&bindings, &scopes, "أ"),
            Some(Action::Bottom)
        );
        assert_eq!(
            lookup_any_layout(&bindings, &scopes, "۲"),
            Some(Action::GoBodies)
        );
        assert_eq!(
            lookup(&bindings, &scopes, "ض"),
            None,
            "plain lookup is as typed"
        );
        // A Persian key bound as typed wins over its place.
        let mut o = std::collections::BTreeMap::new();
        o.insert("help".to_string(), "ض".to_string());
        apply_overrides(&mut bindings, &o);
        assert_eq!(
            lookup_any_layout(&bindings, &scopes, "ض"),
            Some(Action::Help)
        );
    }

    #[test]
    fn recess_and_resume_have_keys_on_both_keyboards() {
        let bindings = default_bindings();
        let session = [
            Scope::RollCall,
            Scope::Session,
            Scope::List,
            Scope::Global,
            Scope::Always,
        ];
        assert_eq!(lookup(&bindings, &session, "R"), Some(Action::Recess));
        assert_eq!(lookup(&bindings, &session, "U"), Some(Action::Resume));
        // Shift+R and Shift+U on the Persian keyboard: tanwin fathatan and fatha.
        assert_eq!(
            lookup_any_layout(&bindings, &session, "\u{64B}"),
            Some(Action::Recess)
        );
        assert_eq!(
            lookup_any_layout(&bindings, &session, "\u{64E}"),
            Some(Action::Resume)
        );
        assert_eq!(lookup(&bindings, &[Scope::Bodies], "R"), None);
    }

    #[test]
    fn palette_offers_the_actions_of_the_scopes_given() {
        let bindings = default_bindings();
        let session = [Scope::Session, Scope::List, Scope::Global];
        let offered = palette_matches(&bindings, &session, crate::locale::Lang::En, "");
        assert!(offered.contains(&Action::AddResolution));
        assert!(offered.contains(&Action::Quit));
        for dashboard_only in [Action::CycleScope, Action::BrowseAll, Action::NewBody] {
            assert!(!offered.contains(&dashboard_only), "{dashboard_only:?}");
        }
        for popup in [Action::SaveForm, Action::Newline, Action::Suspend] {
            assert!(!offered.contains(&popup), "{popup:?}");
        }
    }

    #[test]
    fn popup_hints_show_the_keys_of_the_table() {
        let mut bindings = default_bindings();
        assert_eq!(key_label("ctrl-s"), "Ctrl-S");
        assert_eq!(key_label("shift-tab"), "Shift-Tab");
        assert_eq!(key_label("esc"), "Esc");
        assert_eq!(key_label("G"), "G");
        let hint = |b: &[Binding], a| key_hint(b, Scope::Editor, a);
        let keys = |b: &[Binding]| {
            vec![
                hint(b, Action::SaveMinutes),
                hint(b, Action::ContinueInEditor),
                hint(b, Action::CloseEditor),
            ]
        };
        let template = "{} save|{} $EDITOR|{} close";
        assert_eq!(
            fill_hints(template, &keys(&bindings)),
            "Ctrl-S save|Ctrl-E $EDITOR|Esc close"
        );
        let mut o = std::collections::BTreeMap::new();
        o.insert("save_minutes".to_string(), "f2".to_string());
        o.insert("continue_in_editor".to_string(), String::new());
        apply_overrides(&mut bindings, &o);
        assert_eq!(fill_hints(template, &keys(&bindings)), "F2 save|Esc close");
    }

    #[test]
    fn the_cache_builds_again_only_when_its_key_changes() {
        let cache = ListingCache::default();
        let builds = std::cell::Cell::new(0);
        let build = || {
            builds.set(builds.get() + 1);
            vec![Action::Quit]
        };
        let en = crate::locale::Lang::En;
        cache.palette(&[Scope::Global], en, "q", build);
        cache.palette(&[Scope::Global], en, "q", build);
        assert_eq!(builds.get(), 1);
        cache.palette(&[Scope::Global], en, "qu", build);
        cache.palette(&[Scope::List], en, "qu", build);
        assert_eq!(builds.get(), 3);
    }

    #[test]
    fn overrides_replace_keys() {
        let mut bindings = default_bindings();
        let mut o = std::collections::BTreeMap::new();
        o.insert("quit".to_string(), "ctrl-q".to_string());
        o.insert("fly".to_string(), "f".to_string());
        let problems = apply_overrides(&mut bindings, &o);
        assert_eq!(
            lookup(&bindings, &[Scope::Global], "ctrl-q"),
            Some(Action::Quit)
        );
        assert_eq!(lookup(&bindings, &[Scope::Global], "q"), None);
        assert_eq!(problems.len(), 1);
    }
}
