//! The catalogue of user-facing strings, English and Persian side by side (terms from
//! the project glossary). Each message is a variant, so a missing one fails to compile.

use super::Lang;

macro_rules! catalogue {
    ($($key:ident => $en:literal, $fa:literal;)+) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Msg { $($key),+ }

        impl Msg {
            pub const ALL: &'static [Msg] = &[$(Msg::$key),+];
            pub fn text(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $((Msg::$key, Lang::En) => $en, (Msg::$key, Lang::Fa) => $fa),+
                }
            }
        }
    };
}

catalogue! {
    AppName => "shura", "شورا";
    Id => "Id", "شناسه";
    Name => "Name", "نام";
    Kind => "Kind", "نوع";
    Parent => "Parent", "بالادستی";
    Quorum => "Quorum", "حد نصاب";
    MeetingRule => "Meets", "جلسات الزامی";
    Bodies => "Bodies", "شوراها و کمیسیون‌ها";
    Body => "Body", "نهاد";
    Members => "Members", "اعضا";
    Member => "Member", "عضو";
    Role => "Role", "سمت";
    Voting => "Voting", "حق رأی";
    Yes => "yes", "بله";
    No => "no", "خیر";
    Login => "Login", "نام کاربری";
    Organization => "Organization", "سازمان";
    Term => "Term", "دوره";
    RefusedInBody => "refused: {} of «{}» needs {}; you are uid {} ({}), {}", "رد شد: {} در «{}» نیازمند {} است؛ شما uid {} ({}) هستید، {}";
    RefusedSetUp => "refused: {} needs an administrator; you are uid {} ({}), not an administrator", "رد شد: {} نیازمند مدیر سامانه است؛ شما uid {} ({}) هستید و مدیر سامانه نیستید";
    NeedAdministrator => "an administrator", "مدیر سامانه";
    NeedEditor => "its secretary, chair or vice-chair", "دبیر، رئیس یا نایب رئیس آن";
    NeedChair => "its chair or vice-chair", "رئیس یا نایب رئیس آن";
    NeedAssigneeOrEditor => "the task's assignee, or its secretary, chair or vice-chair", "مسئول پیگیری همان اقدام، یا دبیر، رئیس یا نایب رئیس آن";
    GrantedBy => "Granted by", "اعطا شده توسط";
    GrantedAt => "Granted at", "زمان اعطا";
    CliAdminGranted => "{} is now an administrator", "{} اکنون مدیر سامانه است";
    CliAdminAlready => "{} was already an administrator", "{} از پیش مدیر سامانه بود";
    CliAdminRevoked => "{} is no longer an administrator", "{} دیگر مدیر سامانه نیست";
    StandingChair => "its chair", "رئیس آن";
    StandingViceChair => "its vice-chair", "نایب رئیس آن";
    StandingSecretary => "its secretary", "دبیر آن";
    StandingMember => "a member", "عضو آن";
    StandingObserver => "an observer", "ناظر آن";
    StandingNone => "not one of its members", "بدون سمت در آن";
    WhoamiAdministrator => "administrator: sets up bodies, people and memberships, and may act in every body", "مدیر سامانه: تعریف نهادها، اشخاص و اعضا، و اقدام در همه نهادها";
    WhoamiNotAdministrator => "not an administrator", "مدیر سامانه نیستید";
    WhoamiNoPerson => "no person carries this login", "هیچ شخصی با این نام کاربری ثبت نشده است";
    WhoamiElsewhere => "everywhere else: reading bodies that are not confidential", "در سایر نهادها: فقط خواندن نهادهای غیرمحرمانه";
    WhoamiMay => "allowed:", "مجاز به:";
    WhoamiReadsOnly => "reads only", "فقط خواندن";
    Confidential => "confidential", "محرمانه";
    AuditHeadExplained => "This is the head of the audit chain when the minutes were approved; `shura audit verify` checks that it is still in the chain, so any later change to the record before it shows.", "این سرِ زنجیره ثبت وقایع در لحظه تأیید صورتجلسه است؛ فرمان `shura audit verify` بررسی می‌کند که هنوز در زنجیره باشد، پس هر تغییر بعدی در سوابق پیش از آن آشکار می‌شود.";
    Sessions => "Sessions", "جلسات";
    Session => "Session", "جلسه";
    Number => "No.", "شماره";
    Date => "Date", "تاریخ";
    Time => "Time", "ساعت";
    Start => "Start", "ساعت شروع";
    End => "End", "ساعت ختم";
    Place => "Place", "محل";
    Status => "Status", "وضعیت";
    Agenda => "Agenda", "دستور جلسه";
    Item => "Item", "بند";
    Title => "Title", "عنوان";
    Presenter => "Presenter", "ارائه‌دهنده";
    Duration => "Min.", "دقیقه";
    Minutes => "Minutes", "صورتجلسه";
    Resolutions => "Resolutions", "مصوبات";
    Resolution => "Resolution", "مصوبه";
    FollowUp => "Follow-up", "پیگیری";
    Text => "Text", "متن";
    Decision => "Decision", "نتیجه";
    Votes => "Votes", "آرا";
    Owner => "Responsible", "مسئول پیگیری";
    Due => "Due", "مهلت";
    Tasks => "Tasks", "پیگیری‌ها";
    Task => "Task", "پیگیری";
    Assignee => "Assignee", "مسئول";
    Priority => "Priority", "اولویت";
    Percent => "Done %", "درصد پیشرفت";
    Overdue => "Overdue", "معوق";
    DaysLate => "Days late", "روز تأخیر";
    Attendance => "Attendance", "حضور و غیاب";
    Present => "Present", "حاضران";
    Absent => "Absent", "غایبان";
    Excused => "Excused", "غیبت موجه";
    Guests => "Guests", "مدعوین";
    NoRows => "(nothing to show)", "(موردی نیست)";
    Chair => "Chair", "رئیس جلسه";
    Secretary => "Secretary", "دبیر";
    Signatures => "Signatures", "امضاها";
    Unanimous => "unanimously", "به اتفاق آراء";
    For => "for", "موافق";
    Against => "against", "مخالف";
    Abstain => "abstain", "ممتنع";
    Weekday => "Weekday", "روز هفته";
    Gregorian => "Gregorian", "میلادی";
    Jalali => "Jalali", "شمسی";
    Entity => "Entity", "نوع";
    Snippet => "Match", "متن یافته";
    QuorumMet => "met", "حاصل است";
    QuorumNotMet => "not met", "حاصل نیست";
    VotingPresent => "voting members present", "عضو دارای رأی حاضر";
    Of => "of", "از";
    Updates => "Progress updates", "گزارش‌های پیشرفت";
    Note => "Note", "توضیح";
    Author => "By", "ثبت‌کننده";
    Review => "Review of previous resolutions", "بررسی مصوبات قبلی";
    Carried => "carried over", "منتقل از جلسه قبل";
    ApprovedBy => "Minutes approved by", "صورتجلسه تأیید شد توسط";
    AuditHead => "Audit chain head", "سرِ زنجیره ممیزی";
    NoOpenTaskSelected => "no open task selected: Tab to the review pane first", "پیگیری بازی انتخاب نشده است؛ ابتدا با Tab به قاب بررسی بروید";
    QuorumLine => "{} of {} voting members present; quorum {}: {}", "{} از {} عضو دارای رأی حاضر؛ حد نصاب {}: {}";
    QuorumMetShort => "met", "حاصل است";
    QuorumNotMetShort => "NOT met", "حاصل نیست";
    NoQuorumWarning => "No quorum: {} of {} voting members present, {} needed. Save again (Enter) to record it anyway, or Esc.", "حد نصاب حاصل نشده است ({} از {}؛ {} لازم است). برای ثبت با این حال دوباره Enter بزنید، یا Esc.";
    ReviewTitle => "Review ({} open, {} done here) — u progress", "بررسی ({} باز، {} بررسی‌شده) — u ثبت پیشرفت";
    NoMinutesYet => "(no minutes yet — m writes them, E in $EDITOR)", "(هنوز صورتجلسه‌ای نیست — با m بنویسید)";
    ReviewHint => "{} open tasks and resolutions to review: Tab to the review pane, u records progress.", "{} پیگیری و مصوبهٔ باز برای بررسی: با Tab به قاب بررسی بروید و با u پیشرفت را ثبت کنید.";
    HomeTitle => "shura — bodies", "شورا — نهادها";
    MinutesTitle => "Minutes — {}", "صورتجلسه — {}";
    DraftRestored => "Restored an unsaved draft from the last session. Save it, or Esc to discard.", "پیش‌نویس ذخیره‌نشده جلسه قبل بازیابی شد. ذخیره کنید یا با Esc کنار بگذارید.";
    KeyCloseForm => "Close without saving", "بستن بدون ذخیره";
    ListSeparator => ", ", "، ";
    AllWord => "all", "همه";
    CliItemStatus => "agenda item {} is now {}", "بند {} اکنون «{}» است";
    CliResolutionStatus => "resolution {} ({}) is now {}", "مصوبه {} ({}) اکنون «{}» است";
    CliMemberAdded => "person {} is now {} of body {}", "شخص {} اکنون {} نهاد {} است";
    CliSessionScheduled => "session {} scheduled: number {} of body {} on {}", "جلسه {} برنامه‌ریزی شد: شماره {} نهاد {} در {}";
    CliResolutionRecorded => "resolution {} recorded as number {}", "مصوبه {} با شماره {} ثبت شد";
    CliTaskProgress => "task {}: {} {}%", "پیگیری {}: {} {}٪";
    CliMinutesWritten => "minutes written to {}", "صورتجلسه در {} نوشته شد";
    CliGuestInvited => "guest {} invited to session {}", "مهمان {} به جلسه {} دعوت شد";
    CliTaskDone => "task {} is done", "پیگیری {} انجام شد";
    CliBodyAdded => "body {} added", "نهاد {} افزوده شد";
    CliPersonAdded => "person {} added", "شخص {} افزوده شد";
    CliSessionStatus => "session {} is now {}", "جلسه {} اکنون «{}» است";
    CliItemAdded => "agenda item {} added to session {}", "بند {} به جلسه {} افزوده شد";
    CliMinutesSaved => "minutes of agenda item {} saved", "صورتجلسه بند {} ذخیره شد";
    CliTaskAdded => "task {} added", "پیگیری {} افزوده شد";
    RollCallTitle => "Roll call {}/{} · quorum {}: {}", "حضور و غیاب {}/{} · حد نصاب {}: {}";
    UnsavedMinutesKept => "Minutes not saved yet: kept as a draft; m opens them again, Ctrl-S there saves.", "صورتجلسه هنوز ذخیره نشده است: به‌صورت پیش‌نویس نگه داشته شد؛ با m دوباره باز کنید و با Ctrl-S ذخیره کنید.";
    ConfirmApprove => "Approve the minutes of session {}? They can never change afterwards. y approves, any other key cancels.", "صورتجلسه جلسه {} تأیید شود؟ پس از آن هرگز تغییر نمی‌کند. y برای تأیید، هر کلید دیگر برای انصراف.";
    ConfirmCancel => "Cancel session {}? y cancels it, any other key keeps it.", "جلسه {} لغو شود؟ y برای لغو، هر کلید دیگر برای انصراف.";
    FormHelp => "{} save|{} next field|{}{} choose|{} cancel", "{} ذخیره|{} فیلد بعد|{}{} انتخاب|{} انصراف";
    EditorHelp => "{} save|{} $EDITOR|{} close (kept as a draft)", "{} ذخیره|{} ویرایشگر خارجی|{} بستن (پیش‌نویس می‌ماند)";
    TheirVersionMergeThenDelete => "their version (merge, then delete these markers)", "نسخه کاربر دیگر (ادغام کنید و این نشانه‌ها را پاک کنید)";
    Session2 => "session", "جلسه";
    Minutes2 => "minutes", "صورتجلسه";
    Resolution2 => "resolution", "مصوبه";
    Task2 => "task", "پیگیری";
    RollCallReview => "roll call/review", "حضور/بررسی";
    HelpEveryKeyScrollAny => "Help — every key (↑↓ scroll, any other key closes)", "راهنما — همه کلیدها";
    CtrlSSaveCtrlE => "Ctrl-S save · Ctrl-E $EDITOR · Esc close without saving", "Ctrl-S ذخیره · Ctrl-E ویرایشگر خارجی · Esc بستن بدون ذخیره";
    TheirVersionSavedMeanwhile => "Their version (saved meanwhile)", "نسخه کاربر دیگر";
    EnterSaveTabNextField => "Enter save · Tab next field · ←→ choose · Esc cancel", "Enter ذخیره · Tab فیلد بعد · ←→ انتخاب · Esc انصراف";
    DashboardScreen => "Dashboard", "داشبورد";
    BrowserScreen => "Task and resolution browsers", "مرور پیگیری‌ها و مصوبات";
    ResolutionScreen => "A resolution's page", "صفحه مصوبه";
    MyScreen => "My tasks and sessions", "کارها و جلسات من";
    NothingSelected => "nothing is selected", "موردی انتخاب نشده است";
    NoPersonForLogin => "no person in this database carries the login {}: ask an administrator to set it (shura person add --login)", "در این پایگاه داده فردی با نام کاربری {} ثبت نشده است؛ از مدیر بخواهید آن را ثبت کند";
    PickABodyFirst => "pick a body first (2, then a body, then D)", "ابتدا یک نهاد را انتخاب کنید (۲، سپس نهاد، سپس D)";
    NoBrowserForFigure => "this figure has no browser: Enter opens its rows", "این رقم فهرست مرور ندارد؛ Enter ردیف‌ها را باز می‌کند";
    ComplianceMet => "met", "برگزار شد";
    ComplianceMissed => "MISSED", "برگزار نشد";
    ComplianceAtRisk => "at risk: no session yet this month", "در خطر: هنوز جلسه‌ای در این ماه نیست";
    CompliancePending => "not due yet", "هنوز موعد نرسیده";
    RuleMonthly => "a regular session every month", "جلسه عادی در هر ماه";
    RuleMonths => "a regular session in {} every year", "جلسه عادی هر سال در {}";
    Target => "Target", "هدف";
    AllBodies => "(all bodies)", "(همه نهادها)";
    FilterTitle => "Filter", "پالایش";
    WithChildren => "With its children", "با زیرمجموعه‌ها";
    OnlyOverdue => "Only overdue", "فقط معوق";
    DueFrom => "Due from", "موعد از";
    DueTo => "Due to", "موعد تا";
    Order => "Order", "ترتیب";
    DatesOutOfOrder => "the dates are out of order: {} is after {}", "ترتیب تاریخ‌ها نادرست است: {} پس از {} است";
    MatchesCount => "{} found", "{} مورد یافت شد";
    OpenResolutions => "Open resolutions", "مصوبات باز";
    OverdueTasks => "Overdue tasks", "پیگیری‌های معوق";
    DueThisWeek => "Due this week", "موعد این هفته";
    UpcomingSessions => "Upcoming sessions", "جلسات پیش رو";
    StatutoryCompliance => "Statutory sessions", "جلسات الزامی";
    FollowUpRate => "Follow-up rate", "نرخ پیگیری";
    AttendanceRate => "Attendance", "حضور اعضا";
    Indicators => "Indicators", "شاخص‌ها";
    ChoiceOpen => "open and in progress", "باز و در جریان";
    ChoiceDone => "done", "انجام‌شده";
    ChoiceCancelled => "cancelled", "لغوشده";
    ChoiceAny => "any", "همه";
    OrderDueFirst => "due date, soonest first", "موعد، نزدیک‌ترین اول";
    OrderDueLast => "due date, latest first", "موعد، دورترین اول";
    OrderNewest => "newest first", "جدیدترین اول";
    OrderOldest => "oldest first", "قدیمی‌ترین اول";
    Missed => "missed", "برگزارنشده";
    AtRisk => "at risk", "در خطر";
    OnTarget => "on target", "در هدف";
    MissedHeader => "Missed", "برگزارنشده";
    Monthly => "monthly", "ماهانه";
    Improving => "improving", "رو به بهبود";
    Figures => "Figures", "ارقام";
    Figure => "Figure", "رقم";
    Open => "Open", "باز";
    Met => "Met", "برگزار";
    Now => "Now", "اکنون";
    OnTime => "On time", "به‌موقع";
    Rate => "Rate", "نرخ";
    Attended => "Attended", "حضور";
    Indicator => "Indicator", "شاخص";
    Last => "Last", "آخرین";
    Trend => "Trend", "روند";
    ShownBForAll => "shown (b: all)", "نمایش (b: همه)";
    BrowseAllShort => "browse all", "مرور همه";
    ScopeShort => "scope", "دامنه";
    SearchShort => "search", "جستجو";
    OpenTasks => "Open", "باز";
    AuditHistory => "Audit history", "سابقه تغییرات";
    MyTasks => "My tasks", "پیگیری‌های من";
    MyNextSessions => "My next sessions", "جلسات پیش روی من";
    SessionsIAttended => "Sessions I attended", "جلساتی که حاضر بودم";
    NothingHereYet => "(nothing here yet)", "(هنوز موردی نیست)";
    NoVote => " (no vote)", " (بدون رأی)";
    TheAgendaIsEmptyA => "The agenda is empty. a adds an item.", "دستور جلسه خالی است. با a بند اضافه کنید.";
    InviteAGuest => "Invite a guest", "دعوت از مهمان";
    NoBodySelectedAddOne => "no body selected: add one with B", "نهادی انتخاب نشده است؛ با B یکی بسازید";
    OpenASessionFirstEnter => "open a session first (Enter on a session)", "ابتدا یک جلسه را باز کنید";
    TheAgendaIsEmptyAdd => "the agenda is empty: add an item with a", "دستور جلسه خالی است؛ با a بند اضافه کنید";
    NoSessionYetScheduleOne => "no session yet: schedule one with n", "هنوز جلسه‌ای نیست؛ با n برنامه‌ریزی کنید";
    ThisBodyHasNoMembers => "this body has no members to call", "این نهاد عضوی ندارد";
    MinutesExported => "Minutes exported:", "صورتجلسه ذخیره شد:";
    None => "(none)", "(ندارد)";
    NewBody => "New body", "نهاد جدید";
    MustMeet => "Must meet", "جلسات الزامی";
    ResolutionNo => "Resolution no.", "شماره مصوبه";
    StandingItems => "Standing items", "بندهای ثابت";
    SeparatedBy => "separated by ;", "با ; جدا کنید";
    AddAMember => "Add a member", "افزودن عضو";
    NameOrId => "Name (or id)", "نام (یا شناسه)";
    UnixLogin => "Unix login", "نام کاربری";
    ScheduleSession => "Schedule session", "برنامه‌ریزی جلسه";
    EG14050915 => "e.g. 1405/09/15, 2026-12-06, +7d", "مثلاً ۱۴۰۵/۰۹/۱۵ یا +7d";
    StartTime => "Start time", "ساعت شروع";
    EditAgendaItem => "Edit agenda item", "ویرایش بند";
    NewAgendaItem => "New agenda item", "بند جدید دستور جلسه";
    Minutes3 => "Minutes", "مدت (دقیقه)";
    Text2 => "Text", "متن مصوبه";
    ItWasDecidedThat => "It was decided that …", "مقرر گردید …";
    VotesForAgainstAbstain => "Votes for/against/abstain", "آرا موافق/مخالف/ممتنع";
    N721OrU => "7/2/1, or u for unanimous, or per member below", "7/2/1 یا u برای اتفاق آرا، یا رأی هر عضو در پایین";
    RecordAResolution => "Record a resolution", "ثبت مصوبه";
    AUnitBelow => "(a unit, below)", "(یک واحد، در پایین)";
    NewFollowUpTask => "New follow-up task", "پیگیری جدید";
    Task3 => "Task", "اقدام";
    OrAUnit => "or a unit", "یا واحد";
    Progress => "Progress", "پیشرفت";
    NewDueDate => "New due date", "مهلت جدید";
    BodyAdded => "body added:", "نهاد افزوده شد:";
    NameIsEmptyTypeThe => "name is empty: type the member's name", "نام خالی است";
    DateIsEmptyTypeThe => "date is empty: type the session's date", "تاریخ خالی است";
    SessionScheduled => "Session scheduled:", "جلسه برنامه‌ریزی شد:";
    Minutes4 => "minutes", "دقیقه";
    ItemAdded => "item added", "بند افزوده شد";
    ItemSaved => "item saved", "بند ذخیره شد";
    QuorumNotMet2 => "quorum not met", "حد نصاب حاصل نشده است";
    CliUnanimousAndVotes => "--unanimous and --votes say the same thing twice; give one of them", "‎--unanimous‎ و ‎--votes‎ یک چیز را دو بار می‌گویند؛ یکی را بدهید";
    RefusedNoQuorum => "quorum not met: {} of {} voting members present, {} needed; nothing was recorded. Add --without-quorum to record it anyway", "حد نصاب حاصل نشده است: {} از {} عضو دارای رأی حاضر، {} لازم است؛ چیزی ثبت نشد. برای ثبت با این حال ‎--without-quorum‎ را بیفزایید";
    RefusedUnanimousNeedsSession => "a unanimous vote needs the session it was taken at (to know who was present)", "رأی به اتفاق آرا نیازمند جلسه‌ای است که در آن گرفته شده (تا حاضران معلوم باشند)";
    RefusedUnanimousNobodyPresent => "a unanimous vote needs someone present: no voting member is marked present at this session; record attendance first", "رأی به اتفاق آرا نیازمند حاضران است: هیچ عضو دارای رأیی در این جلسه حاضر زده نشده؛ نخست حضور و غیاب را ثبت کنید";
    ResolutionRecorded => "resolution recorded:", "مصوبه ثبت شد:";
    RefusedTaskNeedsABody => "a task needs the body, resolution or agenda item it follows up", "هر پیگیری باید به یک نهاد، مصوبه یا بند دستور جلسه مربوط باشد";
    PickAnAssigneeOrType => "pick an assignee or type a unit", "مسئول یا واحد را مشخص کنید";
    TaskAdded => "task added:", "پیگیری افزوده شد:";
    Percent2 => "percent", "درصد";
    GuestInvited => "guest invited", "مهمان دعوت شد";
    MinutesSaved => "minutes saved", "صورتجلسه ذخیره شد";
    SomeoneElseSavedTheseMinutes => "Someone else saved these minutes meanwhile (their text is shown below). Ctrl-S again keeps yours; Ctrl-T takes theirs; Ctrl-E merges both in $EDITOR.", "کاربر دیگری در این فاصله صورتجلسه را ذخیره کرده است (متن او در پایین است). Ctrl-S نسخه شما را نگه می‌دارد؛ Ctrl-T نسخه او را؛ Ctrl-E هر دو را در ویرایشگر ادغام می‌کند.";
    FormConflict => "Someone else saved this meanwhile; their values are shown under yours. Enter saves yours over theirs; Ctrl-T takes theirs; Ctrl-E merges in $EDITOR.", "کاربر دیگری در این فاصله همین را ذخیره کرده است؛ مقدارهای او زیر مقدارهای شما آمده است. Enter نسخه شما را به جای آن ذخیره می‌کند؛ Ctrl-T نسخه او را می‌گیرد؛ Ctrl-E هر دو را در ویرایشگر ادغام می‌کند.";
    FormConflictHelp => "{} keep mine|{} take theirs|{} merge|{} cancel", "{} نسخه من|{} نسخه او|{} ادغام|{} انصراف";
    TheirsPrefix => "theirs:", "نسخه او:";
    TheirsTakenIntoForm => "Their version is in the form (it is saved already): Esc closes, Enter saves the form as it is now.", "نسخه کاربر دیگر در فرم است (پیش‌تر ذخیره شده است): Esc می‌بندد و Enter فرم را همین‌گونه ذخیره می‌کند.";
    MergeFileHelp => "Someone else saved this record while you were editing it.\nEach field is one line, key: value. Where the versions differ, keep one line between\n<<<<<<< and >>>>>>> (or write a new one) and delete the markers. Save and quit:\nthe values go back into the form, which saves them when you press Enter.", "کاربر دیگری هنگام ویرایش شما این را ذخیره کرده است.\nهر فیلد یک خط است: key: value. جایی که دو نسخه فرق دارند، یک خط میان\n<<<<<<< و >>>>>>> نگه دارید (یا خط تازه بنویسید) و نشانه‌ها را پاک کنید. ذخیره کنید و ببندید:\nمقدارها به فرم برمی‌گردند و با Enter ذخیره می‌شوند.";
    MergeMine => "mine", "نسخه من";
    MergeTheirs => "theirs", "نسخه او";
    MergeMarkerLeft => "line {}: a conflict marker is left; keep one version and delete the markers. The form is unchanged.", "خط {}: نشانه ادغام باقی مانده است؛ یک نسخه را نگه دارید و نشانه‌ها را پاک کنید. فرم تغییری نکرد.";
    MergeBadLine => "line {}: expected «field: value», found «{}». The form is unchanged.", "خط {}: «فیلد: مقدار» انتظار می‌رفت، «{}» آمده است. فرم تغییری نکرد.";
    MergeUnknownField => "line {}: this form has no field «{}». The form is unchanged.", "خط {}: این فرم فیلدی به نام «{}» ندارد. فرم تغییری نکرد.";
    MergeFieldTwice => "line {}: the field «{}» appears twice. The form is unchanged.", "خط {}: فیلد «{}» دو بار آمده است. فرم تغییری نکرد.";
    MergeBadChoice => "line {}: «{}» is not a choice of {}; expected one of {}. The form is unchanged.", "خط {}: «{}» از گزینه‌های {} نیست؛ یکی از {} انتظار می‌رفت. فرم تغییری نکرد.";
    MergedIntoForm => "The merged values are in the form; Enter saves them.", "مقدارهای ادغام‌شده در فرم است؛ Enter ذخیره می‌کند.";
    EditorExitedKept => "{} exited with {}; the text is kept in {}", "{} با {} بسته شد؛ متن در {} نگه داشته شده است";
    CannotRunEditor => "cannot run the editor «{}»: {}; set $VISUAL or $EDITOR", "ویرایشگر «{}» اجرا نشد: {}؛ ‎$VISUAL یا ‎$EDITOR را تنظیم کنید";
    SetupSharedNeedsGroup => "--shared DIR and --group GROUP go together", "‎--shared DIR و ‎--group GROUP با هم به کار می‌روند";
    SetupGroupMissing => "group \"{}\" does not exist on this machine; expected an existing Unix group (see `getent group`), created by the system administrator first", "گروه «{}» روی این دستگاه نیست؛ یک گروه یونیکس موجود انتظار می‌رفت (‎`getent group` را ببینید) که مدیر سیستم پیش‌تر ساخته باشد";
    SetupDbNotInShared => "--db (or SHURA_DB) {} is not inside the shared directory {}; leave it out (the database is DIR/shura.db) or name a file in DIR", "‎--db (یا SHURA_DB) {} درون پوشه مشترک {} نیست؛ آن را ندهید (پایگاه داده DIR/shura.db است) یا فایلی درون DIR نام ببرید";
    SetupNetworkFs => "{} is on a network file system ({}); SQLite's locks are not reliable there and a shared database would be corrupted. Expected a directory on a local disk of the machine everyone logs in to", "{} روی سیستم فایل شبکه‌ای ({}) است؛ قفل‌های SQLite آنجا قابل اعتماد نیست و پایگاه داده مشترک خراب می‌شود. پوشه‌ای روی دیسک محلی همان دستگاهی که همه به آن وارد می‌شوند انتظار می‌رفت";
    SetupCannotTellFs => "cannot tell which file system {} is on: {}", "نمی‌توان فهمید {} روی کدام سیستم فایل است: {}";
    SetupCannotCreate => "cannot create {}: {}", "ساختن {} ممکن نشد: {}";
    SetupCannotChgrpDir => "cannot give {} to group {}: {}; you must own the directory and belong to the group (or be root)", "واگذاری {} به گروه {} ممکن نشد: {}؛ باید مالک پوشه و عضو آن گروه باشید (یا root)";
    SetupCannotChgrp => "cannot give {} to group {}: {}", "واگذاری {} به گروه {} ممکن نشد: {}";
    SetupCannotChmod => "cannot set mode {} on {}: {}", "تنظیم مجوز {} روی {} ممکن نشد: {}";
    SetupModeAfterSetgid => "{} has mode {} after setting 2770 (the setgid bit needs you to belong to group {}); expected 2770", "مجوز {} پس از تنظیم 2770 برابر {} است (بیت setgid نیاز دارد عضو گروه {} باشید)؛ 2770 انتظار می‌رفت";
    SetupSharedReady => "{} is shared with group {} (mode 2770); {} is ready (schema version {}, mode 0660)", "{} با گروه {} مشترک شد (مجوز 2770)؛ {} آماده است (نسخه طرح‌واره {}، مجوز 0660)";
    SetupFirstAdmin => "{} (uid {}) is an administrator; grant others with `shura admin grant LOGIN`", "{} (uid {}) مدیر سامانه است؛ دیگران را با ‎`shura admin grant LOGIN` مدیر کنید";
    SetupMembersUse => "members of {} use it with: shura --db {}", "اعضای {} با این فرمان از آن استفاده می‌کنند: shura --db {}";
    DoctorOk => "ok", "درست";
    DoctorWarn => "warn", "هشدار";
    DoctorFail => "fail", "خطا";
    DoctorCheckDirectory => "directory", "پوشه";
    DoctorCheckFileSystem => "file system", "سیستم فایل";
    DoctorCheckDatabaseFile => "database file", "فایل پایگاه داده";
    DoctorCheckWalFile => "wal file", "فایل wal";
    DoctorCheckShmFile => "shm file", "فایل shm";
    DoctorCheckOpen => "open", "باز کردن";
    DoctorCheckJournal => "journal mode", "حالت ژورنال";
    DoctorCheckSchema => "schema", "طرح‌واره";
    DoctorCheckIntegrity => "integrity", "سلامت";
    DoctorCheckTriggers => "protective triggers", "تریگرهای محافظ";
    DoctorTriggersInPlace => "all {} in place (approved minutes frozen, the audit trail append-only)", "هر {} مورد برقرار است (صورتجلسه تأییدشده قفل و زنجیره ممیزی فقط‌افزودنی)";
    DoctorTriggerMissing => "{} is missing: what it protects can be changed without a word; restore the database from a backup", "{} حذف شده است: آنچه محافظت می‌کرد بی‌صدا تغییرپذیر است؛ پایگاه داده را از پشتیبان بازگردانید";
    DoctorTriggerAltered => "{} is not as shura made it; restore the database from a backup", "{} آن‌گونه که شورا ساخته نیست؛ پایگاه داده را از پشتیبان بازگردانید";
    DoctorCheckAudit => "audit chain", "زنجیره ممیزی";
    DoctorCheckApproved => "approved minutes", "صورتجلسه‌های تأییدشده";
    DoctorDirWorldWritable => "{} ({}, {}) is writable by everyone: anyone can replace the database; expected 2770 for a group, 0700 for one user", "{} ({}، {}) برای همه نوشتنی است: هر کسی می‌تواند پایگاه داده را جایگزین کند؛ 2770 برای یک گروه و 0700 برای یک کاربر انتظار می‌رفت";
    DoctorDirShared => "{} ({}, {}) is shared by its group, setgid", "{} ({}، {}) میان اعضای گروهش مشترک است، با setgid";
    DoctorDirNotShared => "{} ({}, {}) is not shared (no setgid bit)", "{} ({}، {}) مشترک نیست (بیت setgid ندارد)";
    DoctorNetworkFs => "{} is on a network file system ({}): SQLite's locks are not reliable there; move it to a local disk", "{} روی سیستم فایل شبکه‌ای ({}) است: قفل‌های SQLite آنجا قابل اعتماد نیست؛ آن را به دیسک محلی ببرید";
    DoctorLocalFs => "local", "محلی";
    DoctorCannotTell => "cannot tell: {}", "نمی‌توان فهمید: {}";
    DoctorMadeWhenOpen => "{} does not exist now (made when the database is open)", "{} اکنون نیست (هنگام باز بودن پایگاه داده ساخته می‌شود)";
    DoctorFileWorldWritable => "{} is writable by everyone: anyone can change the record behind shura's back; expected 0660 in a shared directory, 0600 otherwise", "{} برای همه نوشتنی است: هر کسی می‌تواند بی‌خبر از شورا سوابق را تغییر دهد؛ 0660 در پوشه مشترک و در غیر این صورت 0600 انتظار می‌رفت";
    DoctorFileNotGroupRw => "{} is not readable and writable by its group in a shared directory: other members get \"read-only\" or locking errors; expected 0660 (chmod 660)", "{} در پوشه مشترک برای گروهش خواندنی و نوشتنی نیست: اعضای دیگر خطای «فقط خواندنی» یا قفل می‌گیرند؛ 0660 انتظار می‌رفت (chmod 660)";
    DoctorFileOtherGroup => "{} belongs to another group than its directory ({}); expected the directory's group (chgrp)", "{} به گروهی جز گروه پوشه‌اش ({}) تعلق دارد؛ گروه پوشه انتظار می‌رفت (chgrp)";
    DoctorFileWorldReadable => "{} is readable by everyone on the machine, confidential bodies included; expected 0600 (or 0660 in a shared directory)", "{} برای همه کاربران دستگاه خواندنی است، نهادهای محرمانه هم؛ 0600 (یا 0660 در پوشه مشترک) انتظار می‌رفت";
    DoctorJournalNotWal => "{}: expected wal (any shura command switches it, unless the file system cannot)", "{}: wal انتظار می‌رفت (هر فرمان شورا آن را عوض می‌کند، مگر سیستم فایل نتواند)";
    DoctorSchemaVersion => "version {}", "نسخه {}";
    DoctorSchemaOlder => "version {}, older than this shura's {}; the next shura command migrates it", "نسخه {}، قدیمی‌تر از نسخه {} این شورا؛ فرمان بعدی شورا آن را به‌روز می‌کند";
    DoctorSchemaNewer => "version {}, newer than this shura understands ({}); upgrade shura", "نسخه {}، تازه‌تر از آنچه این شورا می‌شناسد ({})؛ شورا را به‌روز کنید";
    DoctorAuditEntries => "{} entries, head {}", "{} مدخل، سر زنجیره {}";
    DoctorAuditProblems => "{} problem(s): {}", "{} مشکل: {}";
    DoctorApprovedHeads => "{} carry a chain head that is in the chain", "{} مورد سر زنجیره‌ای دارند که در زنجیره هست";
    DoctorNoDatabase => "{} does not exist; create it with `shura init`", "{} وجود ندارد؛ آن را با ‎`shura init` بسازید";
    DoctorChecksFailed => "{} check(s) of {} did not pass", "{} بررسی از {} موفق نبود";
    Everywhere => "Everywhere", "همه‌جا";
    Lists => "Lists", "فهرست‌ها";
    BodiesScreen => "Bodies screen", "صفحه نهادها";
    SessionScreen => "Session screen", "صفحه جلسه";
    RollCallPane => "Roll call pane", "قاب حضور و غیاب";
    ScopeAlways => "Everywhere, even while typing", "همه‌جا، حتی هنگام نوشتن";
    ScopeForm => "Forms (other keys type into the field)", "فرم‌ها (کلیدهای دیگر در فیلد نوشته می‌شوند)";
    ScopeEditor => "Minutes editor (other keys type)", "ویرایشگر صورتجلسه (کلیدهای دیگر نوشته می‌شوند)";
    ScopePalette => "Command palette (other keys type the query)", "فهرست فرمان‌ها (کلیدهای دیگر جستجو را می‌نویسند)";
    ScopeHelp => "Help screen (any other key closes it)", "راهنما (هر کلید دیگر آن را می‌بندد)";
    ScopeConfirm => "Questions", "پرسش‌ها";
    ScopeFilter => "Typing a filter (/)", "نوشتن پالایش (/)";
    ConfigBadKeyName => "{}:{}: keys.{} = \"{}\": «{}» is not a key name; expected a character or enter, esc, tab, backspace, delete, up, down, left, right, home, end, pgup, pgdn, f1..f12, after ctrl-, alt- or shift- if any; using the default", "{}:{}: keys.{} = \"{}\": «{}» نام کلید نیست؛ یک نویسه یا enter، esc، tab، backspace، delete، up، down، left، right، home، end، pgup، pgdn، f1 تا f12، در صورت نیاز پس از ctrl-، alt- یا shift- انتظار می‌رود؛ کلید پیش‌فرض به کار می‌رود";
    ConfigKeyClash => "{}:{}: keys.{} = \"{}\": the key {} is already bound to «{}» ({}) in «{}»; using the default", "{}:{}: keys.{} = \"{}\": کلید {} پیش از این برای «{}» ({}) در «{}» است؛ کلید پیش‌فرض به کار می‌رود";
    ConfigSyntax => "{}:{}: {}; using defaults", "{}:{}: {}؛ تنظیمات پیش‌فرض به کار می‌رود";
    ConfigBadValue => "{}:{}: {} = {} is not valid; expected {}; using the default", "{}:{}: {} = {} معتبر نیست؛ {} انتظار می‌رفت؛ مقدار پیش‌فرض به کار می‌رود";
    ConfigUnknownSetting => "{}:{}: unknown setting «{}»; known: lang, calendar, bidi, start_view, theme, mouse, [keys]", "{}:{}: تنظیم ناشناخته «{}»؛ تنظیم‌های شناخته: lang، calendar، bidi، start_view، theme، mouse، [keys]";
    ConfigExpectLang => "\"en\" or \"fa\"", "«en» (انگلیسی) یا «fa» (فارسی)";
    ConfigExpectCalendar => "\"jalali\" or \"gregorian\"", "«jalali» (هجری شمسی) یا «gregorian» (میلادی)";
    ConfigExpectBidi => "\"app\", \"terminal\" or \"off\"", "«app» (برنامه)، «terminal» (پایانه) یا «off» (خاموش)";
    ConfigExpectStartView => "\"dashboard\", \"bodies\", \"tasks\", \"resolutions\" or \"mine\"", "یکی از «dashboard»، «bodies»، «tasks»، «resolutions» یا «mine»";
    ConfigExpectTheme => "a theme name such as \"dark\", \"light\" or \"high-contrast\"", "نام یک پوسته مانند «dark»، «light» یا «high-contrast»";
    ConfigExpectBool => "true or false", "true (بله) یا false (خیر)";
    ConfigExpectKey => "a key such as \"ctrl-q\"", "کلیدی مانند «ctrl-q»";
    ConfigExpectKeysTable => "a table [keys] of action = \"key\"", "جدولی [keys] به شکل action = \"key\"";
    ConfigUnknownAction => "{}:{}: keys.{}: no such action; the actions are listed in the help screen (?)", "{}:{}: keys.{}: چنین فرمانی نیست؛ فرمان‌ها در راهنما (?) آمده‌اند";
    Reloaded => "reloaded", "بارگذاری شد";
    SessionFridayWeekend => "* session   · Friday (weekend)", "* جلسه   · جمعه (تعطیل)";
    EntityBody => "body", "نهاد";
    EntityParentBody => "parent body", "نهاد بالادستی";
    EntityPerson => "person", "شخص";
    EntityAssignee => "assignee", "مسئول";
    EntitySession => "session", "جلسه";
    EntityAgendaItem => "agenda item", "بند دستور جلسه";
    EntityResolution => "resolution", "مصوبه";
    EntityTask => "task", "پیگیری";
    EntityPolicy => "policy", "سیاست";
    EntityIndicator => "indicator", "شاخص";
    EntityRecord => "record", "سابقه";
    EntityDatabaseFile => "database file", "فایل پایگاه داده";
    EntityLogin => "login", "نام کاربری";
    EntityAdministrator => "administrator", "مدیر سامانه";
    EntityDemoPerson => "demo person", "شخص نمونه";
    EntityDemoParentBody => "demo parent body", "نهاد بالادستی نمونه";
    EntityDemoPolicyBody => "demo policy body", "نهاد سیاست نمونه";
    EntityPersonName => "person name", "نام شخص";
    EntityBodyName => "body name", "نام نهاد";
    EntityAgendaItemTitle => "agenda item title", "عنوان بند";
    EntityGuestName => "guest name", "نام مهمان";
    EntitySearchQuery => "search query", "عبارت جستجو";
    ExpectedSearchQuery => "at most {} characters and {} words", "حداکثر {} نویسه و {} واژه";
    EntityResolutionText => "resolution text", "متن مصوبه";
    EntityTaskTitle => "task title", "عنوان پیگیری";
    EntityTaskDescription => "task description", "شرح پیگیری";
    EntityPolicyTitle => "policy title", "عنوان سیاست";
    EntityIndicatorName => "indicator name", "نام شاخص";
    EntityPeriod => "period", "دوره سنجش";
    EntityNote => "note", "توضیح";
    EntityMinutes => "minutes", "صورتجلسه";
    EntityTermEnd => "term end", "پایان دوره";
    EntityDuration => "duration", "مدت";
    EntityVoteTally => "vote tally", "شمارش آرا";
    EntityPercentDone => "percent done", "درصد پیشرفت";
    EntityTarget => "target", "مقدار هدف";
    EntityValue => "value", "مقدار";
    EntityTime => "time", "ساعت";
    EntityDate => "date", "تاریخ";
    EntityStoredValue => "stored value", "مقدار ذخیره‌شده";
    EntityQuorumRule => "quorum rule", "قاعده حد نصاب";
    EntityMeetingRule => "meeting rule", "قاعده جلسات الزامی";
    EntityResolutionFormat => "resolution number format", "قالب شماره مصوبه";
    EntityBodyKind => "body kind", "نوع نهاد";
    EntityRole => "role", "سمت";
    EntitySessionKind => "session kind", "نوع جلسه";
    EntitySessionStatus => "session status", "وضعیت جلسه";
    EntityAttendance => "attendance", "حضور و غیاب";
    EntityAgendaStatus => "agenda item status", "وضعیت بند";
    EntityDecision => "decision", "نتیجه";
    EntityStatus => "status", "وضعیت";
    EntityVote => "vote", "رأی";
    EntityPriority => "priority", "اولویت";
    EntityActivity => "activity", "فعالیت";
    ErrInvalid => "{} \"{}\" is not valid; expected {}", "{} «{}» معتبر نیست؛ {} انتظار می‌رفت";
    ErrNotFound => "no {} \"{}\" exists", "{} «{}» وجود ندارد";
    ErrConflict => "{} {} was changed by someone else since you opened it; your text is kept, reload to see theirs", "{} {} پس از باز کردن شما توسط کاربر دیگری تغییر کرده است؛ متن شما نگه داشته شد، برای دیدن نسخه او دوباره بارگذاری کنید";
    ErrTooNew => "the database {} has schema version {}, newer than this shura understands ({}); upgrade shura", "پایگاه داده {} نسخه طرح‌واره {} دارد، تازه‌تر از آنچه این شورا می‌شناسد ({})؛ شورا را به‌روز کنید";
    ErrDiskFull => "the disk holding the database is full: nothing was saved; free space and try again", "دیسک پایگاه داده پر است: چیزی ذخیره نشد؛ فضا آزاد کنید و دوباره بکوشید";
    ErrReadOnly => "the database is read-only for you: nothing was saved; ask its owner for write access", "پایگاه داده برای شما فقط خواندنی است: چیزی ذخیره نشد؛ از مالک آن اجازه نوشتن بخواهید";
    ErrBusy => "the database stayed busy with other writers for too long: nothing was saved; try again", "پایگاه داده مدت زیادی در اختیار کاربران دیگر بود: چیزی ذخیره نشد؛ دوباره بکوشید";
    ErrNotADatabase => "the file is not a shura database", "این فایل پایگاه داده شورا نیست";
    ErrCannotOpenFile => "the database file cannot be opened", "فایل پایگاه داده باز نمی‌شود";
    ErrDatabase => "database error: {}", "خطای پایگاه داده: {}";
    ErrIo => "input/output error: {}", "خطای ورودی/خروجی: {}";
    ErrCannotMakeDbDir => "cannot reach or create the directory {} of the database: {}; in a shared directory, ask to be added to its group", "دسترسی به پوشه {} پایگاه داده یا ساختن آن ممکن نشد: {}؛ اگر پوشه مشترک است، بخواهید شما را به گروه آن بیفزایند";
    ErrCannotOpenDb => "cannot open the database {}: you may not read or write it, or its directory; in a shared directory, ask to be added to its group", "پایگاه داده {} باز نشد: اجازه خواندن یا نوشتن آن یا پوشه‌اش را ندارید؛ اگر پوشه مشترک است، بخواهید شما را به گروه آن بیفزایند";
    IoNotFound => "it does not exist", "وجود ندارد";
    IoPermissionDenied => "permission denied", "اجازه دسترسی ندارید";
    IoAlreadyExists => "it exists already", "از پیش وجود دارد";
    IoNotADirectory => "a part of the path is not a directory", "بخشی از مسیر پوشه نیست";
    IoIsADirectory => "it is a directory", "یک پوشه است";
    IoReadOnlyFs => "the file system is read-only", "سیستم فایل فقط خواندنی است";
    IoStorageFull => "the disk is full", "دیسک پر است";
    RefusedAmbiguousBody => "body \"{}\" is ambiguous: it matches {}; give an id", "نهاد «{}» مبهم است: با {} جور درمی‌آید؛ شناسه را بدهید";
    RefusedAmbiguousPerson => "person \"{}\" is ambiguous: several people have that name; give an id", "شخص «{}» مبهم است: چند نفر این نام را دارند؛ شناسه را بدهید";
    RefusedLoginTaken => "login \"{}\" already belongs to person {}", "نام کاربری «{}» از پیش متعلق به شخص {} است";
    RefusedSessionTransition => "a session that is \"{}\" cannot become \"{}\"; the order is planned → open → closed → approved (or cancelled)", "جلسه‌ای که «{}» است نمی‌تواند «{}» شود؛ ترتیب چنین است: برنامه‌ریزی‌شده ← در جریان ← خاتمه‌یافته ← صورتجلسه تأییدشده (یا لغوشده)";
    RefusedSessionOfOtherBody => "session {} belongs to another body than {}", "جلسه {} به نهادی جز {} تعلق دارد";
    RefusedItemOfOtherSession => "agenda item {} belongs to session {}, not to the session of this resolution", "بند {} به جلسه {} تعلق دارد، نه به جلسه این مصوبه";
    RefusedOverlappingMembership => "person {} is already {} of body {} (membership {}) for that term", "شخص {} در آن دوره از پیش {} نهاد {} است (عضویت {})";
    RefusedApprovedMinutes => "the minutes of this session are approved and can no longer change", "صورتجلسه این جلسه تأیید شده است و دیگر تغییر نمی‌کند";
    RefusedAuditAppendOnly => "the audit trail is append-only: its entries cannot change", "سابقه تغییرات فقط افزودنی است: مدخل‌های آن تغییر نمی‌کنند";
    RefusedNotWal => "the database could not be switched to WAL mode (it reports \"{}\"); is it on a network file system?", "حالت WAL برای پایگاه داده فعال نشد (حالت گزارش‌شده: «{}»)؛ آیا روی سیستم فایل شبکه‌ای است؟";
    RefusedLastAdministrator => "{} is the last administrator; grant another login first, then revoke this one", "{} آخرین مدیر سامانه است؛ ابتدا نام کاربری دیگری را مدیر کنید، سپس این یکی را لغو کنید";
    RefusedDemoData => "the demo data (data/demo.toml) cannot be read: {}", "داده‌های نمونه (data/demo.toml) خوانده نشد: {}";
    ExpectedOneOf => "one of: {}", "یکی از: {}";
    ExpectedSomeText => "some text (it is empty)", "متنی (خالی است)";
    ExpectedAtMostChars => "at most {} characters", "حداکثر {} نویسه";
    ExpectedName => "a name in Persian or English (it is empty)", "نامی به فارسی یا انگلیسی (خالی است)";
    ExpectedQuorumRule => "majority, two_thirds, or fixed:N (N a positive number)", "majority (اکثریت)، two_thirds (دو سوم) یا fixed:N (N عددی مثبت)";
    ExpectedMeetingRule => "none, monthly, or jalali_months:M,M (Jalali months 1-12, e.g. jalali_months:4,10 for Tir and Dey)", "none (بدون الزام)، monthly (ماهانه) یا jalali_months:M,M (ماه‌های شمسی ۱ تا ۱۲، مثلاً jalali_months:4,10 برای تیر و دی)";
    ExpectedFormatField => "{seq}, {session}, {year} or {jyear}, each with an optional width from 1 to 9 such as {seq:3}; «{}» is not one of them", "{seq}، {session}، {year} یا {jyear}، هر یک با پهنای دلخواه از ۱ تا ۹ مانند {seq:3}؛ «{}» هیچ‌یک از آن‌ها نیست";
    ExpectedResolutionFormat => "a pattern containing {seq}, e.g. {jyear}/{session}/{seq} or R-{year}-{seq:3}", "الگویی دارای {seq}، مثلاً {jyear}/{session}/{seq} یا R-{year}-{seq:3}";
    ExpectedTally => "FOR/AGAINST/ABSTAIN as three whole numbers, e.g. 7/2/1", "موافق/مخالف/ممتنع به صورت سه عدد صحیح، مثلاً ۷/۲/۱";
    ExpectedStoredValue => "a value this version of shura wrote", "مقداری که این نسخه شورا نوشته باشد";
    ExpectedSessionRef => "a session id, or BODY#NUMBER such as 3#12", "شناسه جلسه، یا نهاد#شماره مانند 3#12";
    ExpectedOnOrAfterTermStart => "a date on or after the term start {}", "تاریخی در روز شروع دوره {} یا پس از آن";
    ExpectedDurationMinutes => "minutes between 0 and 1440", "دقیقه‌ای میان ۰ و ۱۴۴۰";
    ExpectedCounts => "counts of zero or more", "شمارش‌های صفر یا بیشتر";
    ExpectedTaskParent => "a body, a resolution or an agenda item it belongs to", "نهاد، مصوبه یا بندی که به آن تعلق دارد";
    ExpectedPercent => "a whole number from 0 to 100", "عدد صحیحی از ۰ تا ۱۰۰";
    ExpectedNumber => "a number", "یک عدد";
    ExpectedTime => "HH:MM on a 24-hour clock, e.g. 09:30 or 17:00", "ساعت:دقیقه در قالب ۲۴ ساعته، مثلاً 09:30 یا 17:00";
    ExpectedLogin => "a Unix login name (no spaces, colons or slashes, at most 64 bytes)", "نام کاربری یونیکس (بدون فاصله، دونقطه یا خط مورب، حداکثر ۶۴ بایت)";
    DateCannotRead => "cannot read date \"{}\": {}. Accepted forms: {}", "تاریخ «{}» خوانده نشد: {}. شکل‌های پذیرفته: {}";
    DateAcceptedForms => "1403/09/15, 1403-9-15, 1403.09.15, 2024-12-05 (year/month/day); 15/09/1403, 5/12/2024 (day/month/year); 03/9/15 (two-digit Jalali year: 00-49 = 14xx, 50-99 = 13xx); 15 Azar 1403, ۱۵ آذر ۱۴۰۳, Azar 15 1403, 5 December 2024, Dec 5 2024 (optionally with a weekday); today, tomorrow, yesterday, امروز, فردا, دیروز; +7d, -3d, +2w, +1m, +1y", "۱۴۰۳/۰۹/۱۵، ۱۴۰۳-۹-۱۵، ۱۴۰۳.۰۹.۱۵، ۲۰۲۴-۱۲-۰۵ (سال/ماه/روز)؛ ۱۵/۰۹/۱۴۰۳ (روز/ماه/سال)؛ ۰۳/۹/۱۵ (سال دورقمی شمسی: ۰۰ تا ۴۹ یعنی ۱۴xx و ۵۰ تا ۹۹ یعنی ۱۳xx)؛ ۱۵ آذر ۱۴۰۳ (با روز هفته یا بی آن)؛ امروز، فردا، دیروز، پس‌فردا، پریروز؛ ‎+7d، ‎-3d، ‎+2w، ‎+1m، ‎+1y (روز، هفته، ماه، سال)";
    DateEmpty => "the input is empty", "چیزی وارد نشده است";
    DateTwoWeekdays => "two different weekdays given ({} and {})", "دو روز هفته متفاوت آمده است ({} و {})";
    DateWeekdayAlone => "a weekday alone is not a date", "روز هفته به‌تنهایی تاریخ نیست";
    DateWrongWeekday => "{} is a {}, not a {}", "{} {} است، نه {}";
    DateCountTooLarge => "{} is too large", "{} بیش از اندازه بزرگ است";
    DateRelativeOutOfRange => "{} is out of range", "{} بیرون از محدوده است";
    DateYearOutOfRange => "year {} is out of range", "سال {} بیرون از محدوده است";
    DateYearOutOfBounds => "year {} is out of range (Jalali years are 1200-1599, Gregorian 1600-9999)", "سال {} بیرون از محدوده است (سال شمسی ۱۲۰۰ تا ۱۵۹۹، میلادی ۱۶۰۰ تا ۹۹۹۹)";
    DateYearDigits => "the year must have 4 digits (or 2 for a Jalali year), not {}", "سال باید ۴ رقم (یا برای سال شمسی ۲ رقم) داشته باشد، نه {}";
    DateNoSuchMonth => "month {} does not exist (months are 1-12)", "ماه {} وجود ندارد (ماه‌ها ۱ تا ۱۲ هستند)";
    DateNoSuchDay => "{} does not exist: {} {} has {} days", "{} وجود ندارد: {} {} {} روز دارد";
    DateNoSuchDate => "{} does not exist", "{} وجود ندارد";
    DateNumberNotDate => "{} is a number, not a date (give year, month and day)", "{} عدد است، نه تاریخ (سال، ماه و روز را بدهید)";
    DateMixedSeparators => "use one kind of separator (/, - or .) between year, month and day", "میان سال، ماه و روز یک نوع جداکننده (/ یا - یا .) به کار ببرید";
    DateNeedThreeNumbers => "a date needs three numbers: year, month and day", "تاریخ سه عدد لازم دارد: سال، ماه و روز";
    DateTooManyDigits => "{} has too many digits", "{} رقم‌های بیش از اندازه دارد";
    DateMonthDayDigits => "month and day have 1 or 2 digits", "ماه و روز ۱ یا ۲ رقم دارند";
    DateTwoMonthNames => "more than one month name given", "بیش از یک نام ماه آمده است";
    DatePartNotNumber => "\"{}\" is not a number", "«{}» عدد نیست";
    DateUnknownWord => "\"{}\" is not a month, weekday or number", "«{}» نه ماه است، نه روز هفته، نه عدد";
    DateNoMonth => "no month found", "ماهی یافت نشد";
    DateNoDay => "no day of the month given", "روز ماه داده نشده است";
    DateOneDayOneYear => "give one day and one year", "یک روز و یک سال بدهید";
    DateTooManyNumbers => "too many numbers: give a day, a month and a year", "عددها بیش از اندازه است: یک روز، یک ماه و یک سال بدهید";
    DateCalendarMismatch => "{} is a {} month but {} is a {} year", "{} ماه {} است اما {} سال {} است";
    DateTwoDigitHint => " (two-digit years are Jalali; write the Gregorian year in full)", " (سال دورقمی شمسی است؛ سال میلادی را کامل بنویسید)";
    NotAWholeNumber => "{} \"{}\" is not a whole number", "{} «{}» عدد صحیح نیست";
    NotABodyId => "body \"{}\" is not a body id", "«{}» شناسه نهاد نیست";
    UnknownView => "unknown view \"{}\": expected one of {}", "صفحه «{}» شناخته نیست؛ یکی از {} انتظار می‌رفت";
    CannotWrite => "cannot write {}: {}", "نوشتن {} ممکن نشد: {}";
    AuditIntact => "audit chain intact: {} entries, head {}; the chain heads of {} approved minutes are all in it", "زنجیره ممیزی سالم است: {} مدخل، سر زنجیره {}؛ سر زنجیره هر {} صورتجلسه تأییدشده در آن هست";
    AuditBroken => "the audit chain is broken in {} place(s)", "زنجیره ممیزی در {} جا شکسته است";
    AuditMissing => "entries {}..{} are missing (deleted?) before entry {}", "مدخل‌های {} تا {} پیش از مدخل {} نیستند (پاک شده‌اند؟)";
    AuditBrokenLink => "entry {} does not link to the entry before it (inserted, or its predecessor changed or deleted)", "مدخل {} به مدخل پیش از خود پیوند ندارد (افزوده شده، یا مدخل پیشین تغییر کرده یا پاک شده است)";
    AuditChanged => "entry {} was changed after it was written (its hash does not match its content)", "مدخل {} پس از ثبت تغییر کرده است (چکیده آن با محتوایش نمی‌خواند)";
    AuditHeadGone => "session {} (body {}, number {}, approved {}) carries audit head {} that is no longer in the chain: entries up to its approval were changed or removed", "جلسه {} (نهاد {}، شماره {}، تأیید {}) سر زنجیره {} را دارد که دیگر در زنجیره نیست: مدخل‌های تا زمان تأیید آن تغییر کرده یا حذف شده‌اند";
    CliInitReady => "{} is ready (schema version {})", "{} آماده است (نسخه طرح‌واره {})";
    CliAttended => "{} {}: {}; {} of {} voting members present, quorum {}: {}", "{} ({}): {}؛ {} از {} عضو دارای رأی حاضر، حد نصاب {}: {}";
    CliUnknownValue => "{} \"{}\" is not known; expected one of: {}", "{} «{}» شناخته نیست؛ یکی از این‌ها انتظار می‌رفت: {}";
    WhatLanguage => "language", "زبان";
    WhatCalendar => "calendar", "تقویم";
    WhatBidi => "bidi mode", "حالت راست‌به‌چپ";
    WhatFormat => "format", "قالب";
    WhatReport => "report", "گزارش";
    WhatCsvExport => "export csv", "خروجی CSV";
    CliScaleInvalid => "scale {} is not valid; expected a number above 0 and at most 10", "مقیاس {} معتبر نیست؛ عددی بزرگ‌تر از ۰ و حداکثر ۱۰ انتظار می‌رفت";
    CliDemoHoldsData => "{} already holds data; shura demo will not touch it without --force", "{} از پیش داده دارد؛ داده نمونه بدون ‎--force در آن نوشته نمی‌شود";
    CliTermEndBeforeStart => "term end {} is before the term start {}; expected --to on or after --from", "پایان دوره {} پیش از شروع دوره {} است؛ ‎--to باید در روز ‎--from یا پس از آن باشد";
    CliMemberAddNeeds => "member add needs --person (an existing person) or --name (a new one)", "افزودن عضو به ‎--person (شخصی موجود) یا ‎--name (شخصی تازه) نیاز دارد";
    CliCannotReadMinutes => "cannot read minutes from {}: {}", "خواندن صورتجلسه از {} ممکن نشد: {}";
    CliMinutesSource => "give the minutes as text, - for standard input, or --file FILE (one of them)", "صورتجلسه را به صورت متن، - برای ورودی استاندارد، یا ‎--file با نام فایل بدهید (فقط یکی)";
    CliResolutionNeeds => "resolution add needs --session or --body", "ثبت مصوبه به ‎--session یا ‎--body نیاز دارد";
    CliUnanimousNeedsSession => "--unanimous needs --session (to know who was present)", "‎--unanimous به ‎--session نیاز دارد (تا حاضران معلوم باشند)";
    CliUnanimousNobody => "--unanimous: no voting member is marked present at this session; record attendance first", "‎--unanimous: هیچ عضو دارای رأی در این جلسه حاضر ثبت نشده است؛ ابتدا حضور و غیاب را ثبت کنید";
    CliAssigneeUnknown => "assignee \"{}\" is neither a person (id, login or name) nor a unit that has tasks", "مسئول «{}» نه شخصی است (شناسه، نام کاربری یا نام) و نه واحدی که پیگیری دارد";
    CliTaskAddNeeds => "task add needs --body, --resolution or --item", "افزودن پیگیری به ‎--body، ‎--resolution یا ‎--item نیاز دارد";
    CliTaskUpdateNeeds => "task update needs at least one of --status, --percent, --note or --due", "به‌روزرسانی پیگیری دست‌کم به یکی از ‎--status، ‎--percent، ‎--note یا ‎--due نیاز دارد";
    CliMonthInvalid => "month \"{}\" is not valid", "ماه «{}» معتبر نیست";
    CliMonthExpected => "month \"{}\" is not valid; expected YEAR/MONTH (1403/10, 2025-01) or a date in the month", "ماه «{}» معتبر نیست؛ سال/ماه (۱۴۰۳/۱۰ یا ۲۰۲۵-۰۱) یا تاریخی در آن ماه انتظار می‌رفت";
    CliDashTitle => "Dashboard — {}", "داشبورد — {}";
    CliDashOpen => "open resolutions: {}", "مصوبات باز: {}";
    CliDashOverdue => "overdue tasks: {}", "پیگیری‌های معوق: {}";
    CliDashDueWeek => "tasks due this week: {}", "پیگیری‌های با موعد این هفته: {}";
    CliDashNext => "next: {} — {} #{}", "جلسه بعد: {} — {} شماره {}";
    CliDashCompliance => "{}: statutory months met {}, missed {}, at risk {}", "{}: ماه‌های الزامی برگزارشده {}، برگزارنشده {}، در خطر {}";
    CliDashFollowUp => "{}: {} of {} tasks done by their due date ({}%)", "{}: {} از {} پیگیری تا موعد انجام شد ({}٪)";
    CliDashJsonHint => "(--json prints every figure)", "(با ‎--json همه ارقام چاپ می‌شود)";
    CliWrittenTo => "{} written to {}", "{} در {} نوشته شد";
    CliIcsWhat => "{} sessions as iCalendar", "{} جلسه در قالب iCalendar";
    CliCsvWhat => "{} rows as CSV", "{} ردیف در قالب CSV";
    CliDigestWhat => "overdue digest", "خلاصه موارد معوق";
    CliArgUnknown => "unexpected argument \"{}\"; see --help", "آرگومان «{}» شناخته نیست؛ ‎--help را ببینید";
    CliArgInvalidValue => "invalid value \"{}\" for {}; possible values: {}", "مقدار «{}» برای {} معتبر نیست؛ مقدارهای ممکن: {}";
    CliArgMissing => "missing: {}; see --help", "این‌ها داده نشده است: {}؛ ‎--help را ببینید";
    CliArgNoSubcommand => "a subcommand is needed; see --help", "فرمانی لازم است؛ ‎--help را ببینید";
    CliNoUnixAccount => "note: no Unix account \"{}\" exists on this machine (yet); granted anyway", "توجه: حساب یونیکسی «{}» (هنوز) روی این دستگاه نیست؛ با این حال مدیر شد";

    // ---- The meeting: voting rules and outcomes (model::voting)
    EntityThreshold => "threshold", "حد لازم آرا";
    EntityVotingRule => "voting rule", "قاعده رأی‌گیری";
    EntityMotionKind => "kind of motion", "نوع پیشنهاد";
    EntityMotionStatus => "motion status", "وضعیت پیشنهاد";
    EntityVoteMethod => "way of voting", "شیوه رأی‌گیری";
    EntityVoteBasis => "vote basis", "مبنای شمارش آرا";
    EntityAbstentions => "abstentions", "آرای ممتنع";
    EntityTieRule => "tie rule", "حکم تساوی آرا";
    EntityMotion => "motion", "پیشنهاد";
    EntityCastingVote => "casting vote", "رأی تعیین‌کننده رئیس";
    ExpectedThreshold => "half, two_thirds, three_quarters or at_least:N", "half (بیش از نصف)، two_thirds (دو سوم)، three_quarters (سه چهارم) یا at_least:N (دست‌کم N)";
    ExpectedVotingRule => "iran-council, roberts, or parts such as basis=present;threshold=half;abstentions=against;tie=fails;closed_session=two_thirds@present", "iran-council، roberts، یا اجزایی مانند basis=present;threshold=half;abstentions=against;tie=fails;closed_session=two_thirds@present";
    ThresholdHalf => "more than half", "بیش از نصف";
    ThresholdTwoThirds => "two thirds", "دو سوم";
    ThresholdThreeQuarters => "three quarters", "سه چهارم";
    ThresholdAtLeast => "at least {} votes", "دست‌کم {} رأی";
    RuleOf => "{} of the {}", "{} {}";
    RuleAbstentions => "abstentions {}", "رأی ممتنع {}";
    RuleTie => "on a tie {}", "در تساوی آرا {}";
    VoteTooMany => "the tally has {} votes but only {} voting members present may vote", "مجموع آرا {} است ولی تنها {} عضو حاضرِ دارای حق رأی می‌توانند رأی دهند";
    VoteNoCastingVote => "a casting vote is given only on a tie, and only when the body's rule gives the chair one", "رأی تعیین‌کننده رئیس فقط در تساوی آرا و فقط وقتی قاعده نهاد آن را پیش‌بینی کرده داده می‌شود";
    VoteNoQuorum => "no quorum: {} of {} voting members present, {} needed; record it with --without-quorum to minute it as taken without quorum", "حد نصاب حاصل نیست: {} از {} عضو دارای حق رأی حاضرند و {} لازم است؛ برای ثبت رأی‌گیری بدون حد نصاب ‎--without-quorum بدهید";
    VoteNeedsOf => "needs {} of {} {}", "لازم: {} رأی از {} نفر {}";
    VoteNeedsShare => "needs {} of the {}", "لازم: {} {}";
    VoteRecusedNote => " ({} recused)", " ({} نفر به سبب تعارض منافع کنار رفته)";
    OutcomeCarried => "carried: {} for, {} against, {} abstaining", "تصویب شد: {} موافق، {} مخالف، {} ممتنع";
    OutcomeFailed => "failed: {} for, {} against, {} abstaining", "رد شد: {} موافق، {} مخالف، {} ممتنع";
    OutcomeNeeded => "; needed {} of {} {}", "؛ حد لازم {} رأی از {} نفر {}";
    OutcomeTie => "; a tie", "؛ آرا مساوی بود";
    OutcomeDeclaredCarried => "; declared carried by the chair", "؛ رئیس جلسه آن را تصویب‌شده اعلام کرد";
    OutcomeDeclaredFailed => "; declared failed by the chair", "؛ رئیس جلسه آن را ردشده اعلام کرد";
    OutcomeWithoutQuorum => "; taken without quorum", "؛ بدون حد نصاب";
    OutcomeTieCast => "; a tie, broken by the chair's vote {}", "؛ آرا مساوی بود و رأی رئیس ({}) تعیین‌کننده شد";
    // ---- The meeting: motions (ops::motions)
    MotionNeedsSecond => "motion {} has no seconder, and this body requires one: record the seconder, or record that it failed for lack of a second", "پیشنهاد {} موافق دوم ندارد و این نهاد آن را لازم می‌داند: موافق دوم را ثبت کنید، یا ثبت کنید که برای نداشتن موافق دوم طرح نشد";
    MotionNotPending => "motion {} is no longer before the body: it is «{}»", "پیشنهاد {} دیگر در دستور نیست: «{}»";
    MotionAmendmentPending => "amendment {} of motion {} is still pending: it is voted (or withdrawn, or accepted) first", "اصلاحیه {} بر پیشنهاد {} هنوز تعیین تکلیف نشده است: نخست آن رأی‌گیری، مسترد یا پذیرفته شود";
    MotionThirdDegree => "motion {} is already an amendment of an amendment: a third degree is out of order", "پیشنهاد {} خود اصلاحیهٔ یک اصلاحیه است: اصلاحیهٔ درجه سوم پذیرفته نیست";
    MotionNotAnAmendment => "motion {} is not an amendment: only an amendment is accepted without objection", "پیشنهاد {} اصلاحیه نیست: فقط اصلاحیه بدون مخالفت پذیرفته می‌شود";
    MotionVoteAlreadyOpen => "the vote on motion {} is already open", "رأی‌گیری پیشنهاد {} از پیش باز است";
    MotionVoteNotOpen => "no vote is open on motion {}", "رأی‌گیری پیشنهاد {} باز نیست";
    MotionNoPersonForLogin => "no person carries your login «{}»: ask the secretary to link it, or to enter your vote", "هیچ شخصی با نام کاربری شما «{}» ثبت نشده است: از دبیر بخواهید آن را پیوند دهد یا رأی شما را ثبت کند";
    MotionNotInRoom => "{} is not a voting member present in the room", "{} عضو دارای حق رأیِ حاضر در جلسه نیست";
    MotionRecused => "{} declared an interest in this item and does not vote on it", "{} در این دستور اعلام تعارض منافع کرده و در آن رأی نمی‌دهد";
    MotionSecretHasNoNames => "a secret ballot records the count only, never names", "رأی مخفی فقط شمارش آرا را ثبت می‌کند، هرگز نام‌ها را";
    MotionVotedTwice => "{} is named twice in the roll call", "نام {} دو بار در رأی‌گیری با ذکر نام آمده است";
    MotionNoConsentItems => "session {} has no items on its consent agenda", "جلسه {} هیچ دستوری برای تصویب یکجا ندارد";
    MotionSecondsOwn => "{} moved the motion and cannot second it", "{} پیشنهاددهنده است و نمی‌تواند موافق دوم آن باشد";

    // ---- The record: shared entities (issue 14 core)
    EntityItemKind => "kind of agenda item", "نوع دستور";
    EntityUrgency => "urgency", "فوریت";
    EntityStanding => "standing place in the agenda", "جایگاه ثابت در دستور جلسه";
    EntitySigning => "who signs the minutes", "امضاکنندگان صورتجلسه";
    EntityFiscalYear => "fiscal year start", "آغاز سال مالی";
    EntityAbsenceRule => "absence rule", "قاعده غیبت";
    EntityLawProfile => "law profile", "مقررات قانونی";
    EntityLegalPeriod => "legal period", "مهلت قانونی";
    EntityWeekend => "weekend", "تعطیلی هفتگی";
    EntityDayCount => "day count", "شیوه شمارش روزها";
    EntityLetterDirection => "letter direction", "نوع نامه";
    EntityRecipientKind => "recipient kind", "نوع گیرنده";
    EntitySendMethod => "sending method", "شیوه ابلاغ";
    EntityLegalEvent => "legal event", "رویداد قانونی";
    EntityLetter => "letter", "نامه";
    EntityRecipient => "recipient", "گیرنده";
    EntityHoliday => "holiday", "تعطیل رسمی";
    EntityTerm => "council term", "دوره";
    EntityGuest => "guest", "مهمان";
    EntityMembership => "membership", "عضویت";
    EntityResolutionNumber => "resolution number", "شماره مصوبه";
    EntitySessionNumber => "session number", "شماره جلسه";
    // ---- The record: corrections (edits)
    MembershipColumn => "Membership", "شماره عضویت";
    CliCorrected => "Corrected {} {}.", "{} {} اصلاح شد.";
    CliMembershipEnded => "Membership {} ends on {}.", "عضویت {} در {} پایان می‌یابد.";
    CliGuestRemoved => "Guest {} removed from session {}.", "مهمان {} از فهرست جلسه {} حذف شد.";
    CliItemRemoved => "Agenda item {} removed.", "دستور {} حذف شد.";
    RefusedReferenced => "{} {} cannot be removed: {} refer to it", "{} {} حذف‌شدنی نیست: {} به آن ارجاع دارند";
    RefusedReferencedItem => "{} {} cannot be removed: {} refer to it; withdraw it instead", "{} {} حذف‌شدنی نیست: {} به آن ارجاع دارند؛ به جای حذف، آن را مسترد کنید";
    RefusedBodyCycle => "body {} cannot be put under body {}: that body is itself, or under it", "نهاد {} را نمی‌توان زیرمجموعه نهاد {} کرد: آن نهاد خود اوست یا زیرمجموعه آن است";
    RefusedNamedVotes => "the vote on resolution {} was recorded member by member; a count would lose the names: correct each member's vote instead", "رأی مصوبه {} به تفکیک اعضا ثبت شده است و شمارش کلی نام‌ها را از میان می‌برد: رأی هر عضو را اصلاح کنید";
    RefusedDecisionAgainstVotes => "the votes as corrected give «{}»; the decision cannot be «{}»", "آرای اصلاح‌شده نتیجه «{}» را می‌دهد؛ تصمیم نمی‌تواند «{}» باشد";
    RefusedMembershipEnded => "membership {} ended on {} already", "عضویت {} پیش‌تر در {} پایان یافته است";
    // ---- The record: approval and corrections after it
    CliShowApproval => "Minutes approved, version {}, by {} at {} (record digest {})", "صورتجلسه تأیید شد، نسخه {}، توسط {} در {} (چکیده سوابق {})";
    CliShowCorrection => "Correction at session {}: {} — {}", "اصلاح در جلسه {}: {} — {}";
    CliShowCorrectionOpen => "open: the record may change until approved again", "باز: سوابق تا تأیید دوباره قابل تغییر است";
    CliShowCorrectionApproved => "approved as version {}", "تأییدشده به عنوان نسخه {}";
    RefusedNotApproved => "the minutes of session {} are not approved yet: until they are, they are corrected with the ordinary edit commands", "صورتجلسه جلسه {} هنوز تأیید نشده است: تا پیش از تأیید، با فرمان‌های معمول ویرایش اصلاح می‌شود";
    RefusedCorrectionAlreadyOpen => "a correction of the minutes of session {} is already open: approve that session again to close it", "اصلاح صورتجلسه جلسه {} از پیش باز است: برای بستن آن، جلسه را دوباره تأیید کنید";
    RefusedCorrectionAt => "the approved minutes of session {} are corrected at a later session of the same body whose minutes are not yet approved; session {} is not one", "صورتجلسه تأییدشده جلسه {} در جلسه‌ای بعدی از همان نهاد که صورتجلسه‌اش هنوز تأیید نشده اصلاح می‌شود؛ جلسه {} چنین جلسه‌ای نیست";
    RefusedCorrectionOpenAt => "session {} cannot be approved while the correction of the minutes of session {} made at it is open: approve that session as corrected first", "جلسه {} تا وقتی اصلاح صورتجلسه جلسه {} که در آن مطرح شده باز است تأیید نمی‌شود: نخست آن جلسه را با اصلاحات تأیید کنید";
    RefusedNoApprovedVersion => "session {} has no approved version {} of its minutes", "صورتجلسه جلسه {} نسخه تأییدشده {} ندارد";
    ExpectedCorrectionReason => "the reason for the correction, as the later session records it", "دلیل اصلاح، چنان‌که جلسه بعدی ثبت می‌کند";
    AuditRecordChanged => "session {} ({}, id {}): its record differs from version {} of the minutes approved on {}: rows were changed behind shura's back", "جلسه {} ({}، شناسه {}): سوابق آن با نسخه {} صورتجلسه تأییدشده در {} یکی نیست: ردیف‌هایی بیرون از شورا تغییر کرده‌اند";
    AuditApprovalNotAudited => "session {} ({}, id {}): version {} of its minutes approved on {} has no entry in the audit trail", "جلسه {} ({}، شناسه {}): نسخه {} صورتجلسه تأییدشده در {} در سوابق تغییرات ثبت نشده است";
    AuditApprovalAltered => "session {} ({}, id {}): the digest stored with version {} of its minutes approved on {} differs from the one in the audit trail", "جلسه {} ({}، شناسه {}): چکیده ذخیره‌شده با نسخه {} صورتجلسه تأییدشده در {} با چکیده سوابق تغییرات یکی نیست";
    AuditApprovedTextChanged => "session {} ({}, id {}): the stored text of version {} of its minutes approved on {} ({}) differs from its hash or from the audit trail", "جلسه {} ({}، شناسه {}): متن ذخیره‌شده نسخه {} صورتجلسه تأییدشده در {} ({}) با چکیده خود یا با سوابق تغییرات یکی نیست";
    AudiencePublic => "public minutes", "صورتجلسه علنی";
    AudienceClosed => "closed session part", "بخش غیرعلنی";
    LangEnglish => "English", "انگلیسی";
    LangPersian => "Persian", "فارسی";
    MinutesCorrectedAsApproved => "The minutes of session {} were approved as corrected: {}", "صورتجلسه جلسه {} با اصلاحات تأیید شد: {}";
    MinutesCorrectionOpen => "The minutes of session {} are being corrected: {}", "صورتجلسه جلسه {} در حال اصلاح است: {}";
    MinutesCorrections => "Corrections of earlier minutes", "اصلاح صورتجلسه‌های پیشین";
    MinutesCorrectionNoPublicChange => "No change to the public minutes.", "صورتجلسه علنی تغییری نکرد.";
    CliCorrectionOpened => "correction {} opened at session {}: the minutes of session {} may change again until they are approved as corrected", "اصلاح {} در جلسه {} باز شد: صورتجلسه جلسه {} تا تأیید با اصلاحات دوباره قابل تغییر است";
    TuiCorrectTitle => "Correct the minutes", "اصلاح صورتجلسه";
    TuiCorrectAt => "At session (id)", "در جلسه (شناسه)";
    TuiCorrectReason => "Reason", "دلیل";
    TuiCorrectionOpened => "Correction opened: the minutes may change until approved again", "اصلاح باز شد: صورتجلسه تا تأیید دوباره قابل تغییر است";
    // ---- The record: numbering
    SessionLabel => "session {}", "جلسه {}";
    SessionLabelInTerm => "term {}, session {}", "دوره {}، جلسه {}";
    SessionNumberInTerm => "{} (term {})", "{} (دوره {})";
    TermOpen => "open", "باز";
    TermFrom => "From", "از";
    TermTo => "To", "تا";
    CliTermAdded => "term {} of body {} added (id {})", "دوره {} نهاد {} افزوده شد (شناسه {})";
    NumberHint => "empty: the next, {}", "خالی: شمارهٔ بعدی، {}";
    ResolutionNumberHint => "empty: from the body's format", "خالی: از الگوی شماره‌گذاری نهاد";
    FormNumber => "Number", "شماره";
    ExpectedFormatPlaceholder => "one of the placeholders {} (each with an optional width from 1 to 9, as in {}); «{}» is not one of them", "یکی از جای‌نشین‌های {} (هر یک با پهنای دلخواه از ۱ تا ۹، مانند {})؛ «{}» هیچ‌یک از آن‌ها نیست";
    ExpectedSessionNumber => "a positive whole number, such as 39", "یک عدد صحیح مثبت، مانند ۳۹";
    ExpectedResolutionNumber => "a number of 1 to {} characters, such as 1397/39/4", "شماره‌ای از ۱ تا {} نویسه، مانند ۱۳۹۷/۳۹/۴";
    ExpectedLawProfileCode => "a short code without spaces, e.g. iran-council", "یک کد کوتاه بدون فاصله";
    ExpectedLawProfile => "a law profile: {}", "یکی از مقررات قانونی: {}";
    ExpectedAbsenceRule => "how many unexcused absences end a membership, in a year and/or in a row, e.g. year:12,row:6 (or none)", "تعداد غیبت‌های غیرموجه پایان‌دهنده عضویت در سال و/یا پیاپی، مانند سال:۱۲،پیاپی:۶ (یا هیچ)";
    ExpectedFiscalYearStart => "a calendar and the month the fiscal year starts in, e.g. jalali:1 or gregorian:10", "تقویم و ماه آغاز سال مالی، مانند شمسی:۱ یا میلادی:۱۰";
    ExpectedTermNumber => "a positive whole number, such as 6", "یک عدد صحیح مثبت، مانند ۶";
    RefusedSessionNumberTaken => "session number {} is taken in this body: session {} (on {}) has it", "شماره جلسه {} در این نهاد گرفته شده است: جلسهٔ {} (مورخ {}) این شماره را دارد";
    RefusedSessionNumberTakenInTerm => "session number {} is taken in term {}: session {} (on {}) has it", "شماره جلسه {} در دوره {} گرفته شده است: جلسهٔ {} (مورخ {}) این شماره را دارد";
    RefusedResolutionNumberTaken => "resolution number «{}» is taken in this body: resolution {} has it", "شماره مصوبه «{}» در این نهاد گرفته شده است: مصوبهٔ {} این شماره را دارد";
    RefusedTermOverlaps => "term {} overlaps term {} of this body, which runs from {} to {}", "دوره {} با دوره {} این نهاد هم‌پوشانی دارد که از {} تا {} است";
    RefusedTermOverlapsOpen => "term {} overlaps term {} of this body, which runs from {} and has not ended", "دوره {} با دوره {} این نهاد هم‌پوشانی دارد که از {} آغاز شده و هنوز پایان نیافته است";
    RefusedTermNumberTaken => "term {} already exists in this body (from {})", "دوره {} از پیش در این نهاد هست (از {})";
    // ---- The record: agenda
    RefusedAgendaSignatories => "signatories are recorded for a members' proposal (members_motion) only; this item is a «{}»", "امضاکنندگان فقط برای طرح ثبت می‌شوند؛ این بند «{}» است";
    RefusedAgendaUrgency => "urgency is for a bill or a members' proposal only; this item is a «{}»", "فوریت فقط برای لایحه یا طرح است؛ این بند «{}» است";
    RefusedAgendaSectionUnderSection => "a section cannot go under another section (item {}); sections have one level", "سرفصل را نمی‌توان زیر سرفصل دیگری (بند {}) گذاشت؛ سرفصل‌ها یک سطح دارند";
    RefusedAgendaNotASection => "item {} is a «{}», not a section; only a section has sub-items", "بند {} «{}» است، نه سرفصل؛ فقط سرفصل زیربند دارد";
    RefusedAgendaNoSuchNumber => "«{}» is not a number on this agenda; expected an item's number such as 3 or 7.2", "«{}» شماره بندی از این دستور جلسه نیست؛ شماره‌ای مانند ۳ یا ۷٫۲ انتظار می‌رود";
    RefusedAgendaSectionOfOtherSession => "item {} is on another session's agenda", "بند {} در دستور جلسه دیگری است";
    AgendaCannotStep => "«{}» stays: it is at an end, at its section's edge or beside a standing item; move it to a number instead", "«{}» جابه‌جا نشد: در ابتدا یا انتها، در لبه سرفصل یا کنار بند ثابت است؛ آن را به شماره‌ای منتقل کنید";
    AgendaItemMovedTo => "«{}» is now number {}", "«{}» اکنون بند شماره {} است";
    CliAgendaAddArgs => "give the session and the title (agenda add SESSION TITLE), or the title alone with --session", "جلسه و عنوان را بدهید (agenda add SESSION TITLE)، یا فقط عنوان را همراه با ‎--session";
    CliAgendaNumberNeedsSession => "«{}» is not an item id; to name an item by its number on the agenda, give --session", "«{}» شناسه بند نیست؛ برای نام بردن بند با شماره‌اش در دستور جلسه، ‎--session را بدهید";
    CliItemMoved => "agenda item {} is now number {}", "بند {} اکنون شماره {} است";
    AgendaUrgency => "Urgency", "فوریت";
    AgendaUnder => "Under (section number)", "زیر (شماره سرفصل)";
    AgendaSignatories => "Signatories", "امضاکنندگان";
    AgendaSignatoriesHint => "names or ids, separated by , or ،", "نام یا شناسه، با , یا ، جدا کنید";
    AgendaClosingItems => "Closing items", "بندهای پایانی";
    AgendaMoveTo => "Move to number", "انتقال به شماره";
    AgendaMoveToHint => "e.g. 3, or 7.2 for the second sub-item of section 7", "مثلاً ۳، یا ۷٫۲ برای زیربند دوم سرفصل ۷";
    AgendaNumberEmpty => "the number is empty; type the number the item should have, such as 3 or 7.2", "شماره خالی است؛ شماره‌ای را که بند باید داشته باشد بنویسید، مانند ۳ یا ۷٫۲";
    // ---- The record: minutes
    MinutesDraftMark => "DRAFT: these minutes are not approved yet.", "پیش‌نویس: این صورتجلسه هنوز تأیید نشده است.";
    MinutesDraftWatermark => "DRAFT", "پیش‌نویس";
    MinutesAbsentExcused => "Absent with excuse", "غایبان با عذر موجه";
    MinutesAbsentUnexcused => "Absent without excuse", "غایبان بدون عذر";
    MinutesLateArrived => "late, arrived {}", "با تأخیر، ورود ساعت {}";
    MinutesLateNoTime => "late", "با تأخیر";
    MinutesRemote => "remote", "برخط";
    MinutesLeftAt => "left {}", "خروج ساعت {}";
    MinutesSignedBy => "Signed by", "امضاکنندگان طرح";
    MinutesOwnerDue => "Responsible: {}; due: {}.", "مسئول پیگیری: {}؛ مهلت: {}.";
    MinutesOwnerOnly => "Responsible: {}.", "مسئول پیگیری: {}.";
    MinutesDueOnly => "Due: {}.", "مهلت: {}.";
    MinutesItemTasks => "Follow-up decided on the item:", "پیگیری‌های مقرر در این بند:";
    MinutesResolutionTasks => "Follow-up of its resolutions:", "پیگیری مصوبات این بند:";
    MinutesReviewLead => "Progress reported at this session:", "گزارش پیشرفت ارائه‌شده در این جلسه:";
    MinutesReviewResolution => "Resolution {}", "مصوبه {}";
    MinutesReviewTask => "task", "اقدام";
    MinutesReviewPercent => "{}% done", "{}٪ پیشرفت";
    MinutesNextSession => "Next session", "جلسه بعد";
    MinutesNextSessionLine => "session {}, {}", "جلسه {}، {}";
    MinutesAt => "at {}", "ساعت {}";
    MinutesSignHere => "Signature", "امضا";
    // ---- The record: the TUI
    NoMinutesRecorded => "(no minutes were recorded for this item)", "(برای این دستور صورتجلسه‌ای ثبت نشده است)";
    RefusedNoPersonWithId => "no person with id {}; expected an existing person's id, or a name for a new person", "شخصی با شناسه {} وجود ندارد؛ شناسه شخصی موجود یا نام شخصی تازه لازم است";
    EdEditBody => "Edit the body — {}", "ویرایش نهاد — {}";
    EdEditMembership => "Membership of {} in {}", "عضویت {} در {}";
    EdEndMembership => "End the membership of {} in {}", "پایان عضویت {} در {}";
    EdEditPerson => "Edit the person — {}", "ویرایش شخص — {}";
    EdEditGuest => "Edit the guest — {}", "ویرایش مهمان — {}";
    EdChooseGuest => "Which guest?", "کدام مهمان؟";
    EdEditResolution => "Correct resolution {}", "اصلاح مصوبه {}";
    EdEditTask => "Correct task {}", "اصلاح پیگیری {}";
    EdChooseResolution => "Which resolution?", "کدام مصوبه؟";
    EdNameFa => "Name in Persian", "نام فارسی";
    EdNameEn => "Name in English", "نام انگلیسی";
    EdFormed => "Formed on", "تاریخ تشکیل";
    EdClosingItems => "Closing items", "بندهای ثابت پایانی";
    EdSigning => "Who signs", "امضاکنندگان";
    EdNumberPerTerm => "Numbered per term", "شماره‌گذاری در هر دوره";
    EdFiscalYear => "Fiscal year starts", "آغاز سال مالی";
    EdConfidential => "Confidential", "محرمانه";
    EdTermFrom => "Term from", "آغاز دوره عضویت";
    EdTermTo => "Term to", "پایان دوره عضویت";
    EdEndsOn => "Ends on", "پایان در";
    EdEmail => "Email", "رایانامه";
    EdDescription => "Description", "شرح";
    EdGuest => "Guest", "مهمان";
    EdResolution => "Resolution", "مصوبه";
    EdSaved => "Saved: {} {}.", "ذخیره شد: {} {}.";
    EdMembershipEnds => "The membership of {} ends on {}.", "عضویت {} در {} پایان می‌یابد.";
    EdGuestRemoved => "Guest {} removed.", "مهمان {} حذف شد.";
    EdItemRemoved => "Agenda item {} removed.", "بند {} حذف شد.";
    EdConfirmRemoveGuest => "Remove the guest {} from this session? y removes, any other key cancels.", "مهمان {} از فهرست این جلسه حذف شود؟ y برای حذف، هر کلید دیگر برای انصراف.";
    EdConfirmRemoveItem => "Remove agenda item {} «{}»? y removes, any other key cancels.", "بند {} «{}» حذف شود؟ y برای حذف، هر کلید دیگر برای انصراف.";
    EdNoGuests => "This session has no guests; i invites one.", "این جلسه مهمانی ندارد؛ با i مهمان دعوت کنید.";
    EdNoResolution => "The selected item has no resolution.", "بند انتخاب‌شده مصوبه‌ای ندارد.";
    EdNoMember => "No member selected: choose one in the members pane.", "عضوی انتخاب نشده است: یکی را در قاب اعضا انتخاب کنید.";
    EdNoTask => "No task selected: choose one in the review pane, a browser or a resolution's page.", "پیگیری‌ای انتخاب نشده است: یکی را در قاب بررسی، مرورگر یا صفحه مصوبه انتخاب کنید.";
    EdNothingChanged => "Nothing changed.", "چیزی تغییر نکرد.";
    EdVotesHint => "7/2/1, or u for unanimous", "۷/۲/۱، یا «اتفاق» برای اتفاق آرا";

    // ---- The meeting: the clock (session times, arrivals and departures)
    EntitySessionEvent => "session event", "رویداد جلسه";
    RefusedClockBeforePrevious => "{} at {} is earlier than the {} recorded at {}; the session's times follow one another", "{} در ساعت {} پیش از «{}» ثبت‌شده در ساعت {} است؛ زمان‌های جلسه به ترتیب ثبت می‌شوند";
    RefusedClockCalledToOrder => "the session was called to order at {} already", "رسمیت جلسه پیش‌تر در ساعت {} اعلام شده است";
    RefusedClockAdjourned => "the session was adjourned at {}; nothing more is recorded on its clock", "جلسه در ساعت {} ختم شده است؛ زمان دیگری برای آن ثبت نمی‌شود";
    RefusedClockInRecess => "the session is in recess since {}; record its resumption first", "جلسه از ساعت {} در تنفس است؛ ابتدا ادامه جلسه را ثبت کنید";
    RefusedClockNotInRecess => "the session is not in recess; there is nothing to resume", "جلسه در تنفس نیست؛ ادامه‌ای برای ثبت وجود ندارد";
    RefusedClockInClosedSession => "a closed session is under way since {}", "بخش غیرعلنی از ساعت {} در جریان است";
    RefusedClockNotInClosedSession => "no closed session is under way", "بخش غیرعلنی در جریان نیست";
    RefusedClockNotOpen => "{}: the session must be open; it is {}", "{}: جلسه باید در جریان باشد؛ وضعیت آن «{}» است";
    RefusedClockTimeNeeded => "the session is not being held today: give the time it happened (HH:MM)", "جلسه امروز برگزار نمی‌شود: ساعتی را که رخ داد بدهید (ساعت:دقیقه)";
    RefusedClockAdjournedAtOther => "the adjournment is recorded at {}, not {}; the session closes at the recorded time", "ختم جلسه در ساعت {} ثبت شده است، نه {}؛ جلسه با همان ساعت ثبت‌شده خاتمه می‌یابد";
    RefusedClockNotInRoom => "{} is not in the room (not marked present, or gone already)", "{} در جلسه حضور ندارد (حاضر ثبت نشده یا پیش‌تر خارج شده است)";
    RefusedClockLeftBeforeArrival => "{} cannot leave at {}, before arriving at {}", "خروج {} در ساعت {} پیش از ورود در ساعت {} ممکن نیست";
    ClockTimes => "Times", "زمان‌ها";
    ClockClosedSession => "Closed session", "بخش غیرعلنی";
    ClockArrivals => "Arrivals and departures", "ورود و خروج اعضا";
    ClockArrived => "{} arrived {}", "{} ساعت {} وارد شد";
    ClockLeft => "{} left {}", "{} ساعت {} خارج شد";
    ClockLeftMark => "Left", "خارج شد";
    ClockQuorumAtCall => " at the call to order, {}", " در زمان اعلام رسمیت، ساعت {}";
    CliClockEvent => "session {}: {} at {}", "جلسه {}: {} در ساعت {}";
    CliClockArrived => "{} ({}) arrived at {}; {} of {} voting members in the room, quorum {}: {}", "{} ({}) ساعت {} وارد شد؛ {} از {} عضو دارای رأی حاضر، حد نصاب {}: {}";
    CliClockLeft => "{} ({}) left at {}; {} of {} voting members in the room, quorum {}: {}", "{} ({}) ساعت {} خارج شد؛ {} از {} عضو دارای رأی حاضر، حد نصاب {}: {}";
    CliClockAtNeeded => "a departure needs its time: --at HH:MM", "ثبت خروج به ساعت آن نیاز دارد: ‎--at ساعت:دقیقه";
    CliClockAtOnlyLateLeft => "--at goes with late or left only", "‎--at فقط همراه late (با تأخیر) یا left (خروج) می‌آید";
    TuiAdjournTitle => "Close the session: time of adjournment", "ختم جلسه: ساعت ختم";
    TuiAdjournAt => "Adjourned at (HH:MM)", "ساعت ختم (ساعت:دقیقه)";

    // ---- The meeting: command line
    CliMotionMoved => "motion {} moved ({})", "پیشنهاد {} مطرح شد ({})";
    CliAmendmentMoved => "amendment {} moved on motion {}", "اصلاحیه {} بر پیشنهاد {} مطرح شد";
    CliMotionWithdrawn => "motion {} withdrawn", "پیشنهاد {} مسترد شد";
    CliMotionSeconded => "motion {} seconded by {}", "موافق دوم پیشنهاد {}: {}";
    CliMotionLapsed => "motion {} failed for lack of a second", "پیشنهاد {} بدون موافق دوم طرح نشد";
    CliMotionAccepted => "amendment {} accepted without objection; motion {} now reads:", "اصلاحیه {} بدون مخالفت پذیرفته شد؛ متن پیشنهاد {} اکنون چنین است:";
    CliMotionNeedsPlace => "a motion is moved on an agenda item (--item ITEM) or, for a procedural motion, on a session (--session SESSION)", "پیشنهاد روی یک بند دستور جلسه (‎--item‎) یا، اگر آیین‌نامه‌ای باشد، روی یک جلسه (‎--session‎) مطرح می‌شود";
    CliMotionItemOrSession => "give --item (the session follows from it) or --session, not both", "یا ‎--item‎ (جلسه از آن معلوم است) یا ‎--session‎ را بدهید، نه هر دو را";
    CliMotionMadeResolution => "resolution {} recorded ({})", "مصوبه {} ثبت شد ({})";
    CliVoteOneForm => "give exactly one of --votes, --roll, --unanimous, --secret (given: {})", "دقیقاً یکی از ‎--votes‎، ‎--roll‎، ‎--unanimous‎ یا ‎--secret‎ را بدهید (داده شده: {})";
    CliNone => "none", "هیچ";
    CliRollEntry => "roll call entry \"{}\" is not NAME=VOTE, e.g. \"Sara=for,Omid=against\"", "مورد «{}» در رأی‌گیری با ذکر نام به شکل نام=رأی نیست، مانند «سارا=موافق،امید=مخالف»";
    CliWhatDeclaration => "declared result", "نتیجه اعلام‌شده";
    CliVoteOpened => "the vote on motion {} is open: {}; members vote with `shura vote`", "رأی‌گیری پیشنهاد {} باز شد: {}؛ اعضا با فرمان ‎`shura vote`‎ رأی می‌دهند";
    CliVoteCast => "{} votes {} on motion {}", "رأی {} ({}) بر پیشنهاد {} ثبت شد";
    CliLiveTally => "{} of {} have voted: {} for, {} against, {} abstaining; {}", "{} از {} نفر رأی داده‌اند: {} موافق، {} مخالف، {} ممتنع؛ {}";
    CliMover => "Mover", "پیشنهاددهنده";
    CliSeconder => "Seconder", "موافق دوم";
    CliOutcome => "Vote", "نتیجه رأی";
    CliOutcomeShort => "{}-{}-{}, needed {} of {}", "{}-{}-{}، لازم {} از {}";
    CliMovedBy => "moved by {}, seconded by {}, at {}", "پیشنهاددهنده: {}، موافق دوم: {}، ساعت {}";
    CliSideFor => "For", "موافق";
    CliSideAgainst => "Against", "مخالف";
    CliSideAbstaining => "Abstaining", "ممتنع";
    CliSideNotVoting => "Not voting", "بدون رأی";
    CliSidesSeparator => "; ", "؛ ";
    CliRecusedLine => "{} did not vote (declared an interest)", "{} به سبب تعارض منافع رأی نداد";
    CliRecusedBecause => "{} did not vote (declared an interest: {})", "{} به سبب تعارض منافع رأی نداد ({})";
    CliConflictDeclared => "{} declared an interest in item {}", "تعارض منافع {} در بند {} ثبت شد";
    CliReason => "Reason", "دلیل";
    CliDeclaredBy => "Declared by", "ثبت‌کننده";
    CliConsentOn => "item {} is on the consent agenda", "بند {} در دستور تصویب یکجا قرار گرفت";
    CliConsentOff => "item {} is off the consent agenda", "بند {} از دستور تصویب یکجا خارج شد";
    CliBodyEdited => "body {} now votes by: {}; quorum {}", "قاعده رأی‌گیری نهاد {} اکنون: {}؛ حد نصاب {}";
    CliVotingRule => "Voting rule", "قاعده رأی‌گیری";
    CliSecondRequired => "a motion needs a second", "هر پیشنهاد موافق دوم لازم دارد";
    CliNumberRejected => "rejected main motions are numbered", "طرح‌های ردشده هم شماره مصوبه می‌گیرند";

    // ---- The meeting: the TUI
    DecisionByVote => "as the vote gives", "بر پایه رأی‌گیری";
    VotingRuleField => "Voting rule", "قاعده رأی‌گیری";
    QuorumFromRuleHint => "empty: the voting rule's; or majority, two_thirds, fixed:N", "خالی: حد نصاب همان قاعده؛ یا majority، two_thirds، fixed:N";
    ScopeBallot => "A vote open to you", "رأی‌گیری باز برای شما";
    MeetMotions => "Motions", "پیشنهادها";
    MeetText => "Text", "متن";
    MeetCastForTitle => "A member's vote on {}", "رأی یک عضو در {}";
    MeetVote => "Vote", "رأی";
    MeetNoVoteForYou => "no vote is open to you now", "اکنون رأی‌گیری بازی برای شما نیست";
    MeetHintMove => "move", "طرح";
    MeetHintVote => "vote", "رأی‌گیری";
    MeetHintOpen => "open vote", "رأی از پایانه‌ها";
    MeetHintClose => "close vote", "بستن رأی‌گیری";
    MeetHintSecond => "second", "موافق دوم";
    MeetHintAmend => "amend", "اصلاحیه";
    MeetMotionNo => "motion {}", "پیشنهاد {}";
    MeetNoMotions => "no motion on this item yet: {} moves one", "هنوز پیشنهادی در این بند نیست: با {} پیشنهادی طرح کنید";
    MeetPaneEmpty => "No motion on this item yet; {} moves one.", "هنوز پیشنهادی در این بند نیست؛ با {} پیشنهادی طرح کنید.";
    MeetChooseMotion => "choose the motion in the motions pane, then press the key again", "پیشنهاد را در قاب پیشنهادها برگزینید و دوباره کلید را بزنید";
    MeetNoOpenVote => "no vote is open at this session", "در این جلسه رأی‌گیری بازی نیست";
    MeetMoveTitle => "Move a motion", "طرح پیشنهاد";
    MeetAmendTitle => "Amend {}", "اصلاحیه بر {}";
    MeetSecondTitle => "Second {}", "موافق دوم {}";
    MeetVoteTitle => "Vote on {}: {}", "رأی‌گیری {}: {}";
    MeetInterestTitle => "Declare an interest — {}", "اعلام تعارض منافع — {}";
    MeetConsentTitle => "Move the consent agenda", "طرح دستور جلسه یکجا";
    MeetMover => "Moved by", "پیشنهاددهنده";
    MeetSeconder => "Seconded by", "موافق دوم";
    MeetMember => "Member", "عضو";
    MeetReason => "Reason", "دلیل";
    MeetAmendedText => "Text as amended", "متن پس از اصلاح";
    MeetAmendedHint => "the motion's whole wording as the amendment makes it", "همه متن پیشنهاد چنان که اصلاحیه آن را می‌سازد";
    MeetMethod => "Way of voting", "شیوه رأی‌گیری";
    MeetVotesHint => "by count or secret ballot: for/against/abstain, e.g. 6/2/1", "برای شمارش آرا یا رأی مخفی: موافق/مخالف/ممتنع، مثلاً ۶/۲/۱";
    MeetRecusedShown => "recused: {}", "کنار رفته به سبب تعارض منافع: {}";
    MeetCasting => "Chair's casting vote (a tie)", "رأی تعیین‌کننده رئیس (تساوی)";
    MeetDeclared => "Chair's declaration", "اعلام رئیس جلسه";
    MeetTextEmpty => "the motion's text is empty: type what is moved", "متن پیشنهاد خالی است: آنچه پیشنهاد می‌شود را بنویسید";
    MeetReasonEmpty => "the reason is empty: type the member's interest in the item", "دلیل خالی است: نفع شخصی عضو در این بند را بنویسید";
    MeetChooseMember => "no member chosen: pick one with ← →, or type the start of the name", "عضوی انتخاب نشده است: با ← → یا نوشتن آغاز نام یکی را برگزینید";
    MeetTallyExpected => "votes \"{}\" are not a count: expected for/against/abstain such as 6/2/1", "آرای «{}» شمارش نیست: موافق/مخالف/ممتنع مانند ۶/۲/۱ انتظار می‌رفت";
    MeetNoQuorum => "no quorum: {} of {} voting members present, {} needed", "حد نصاب حاصل نیست: {} از {} عضو دارای حق رأی حاضرند و {} لازم است";
    MeetOpenAnyway => "Open the vote as taken without quorum? y opens it, any other key does not.", "رأی‌گیری بدون حد نصاب باز شود؟ y باز می‌کند و هر کلید دیگر نه.";
    MeetMoved => "{} moved", "{} طرح شد";
    MeetAmended => "{} moved on {}", "{} بر {} طرح شد";
    MeetSeconded => "{} seconded", "برای {} موافق دوم ثبت شد";
    MeetVoteOpened => "vote open on {}: members vote from their terminals; {}", "رأی‌گیری {} باز شد: اعضا از پایانه خود رأی می‌دهند؛ {}";
    MeetBecameResolution => "; resolution {}", "؛ مصوبه {}";
    MeetInterestDeclared => "{} declared an interest and does not vote on this item", "تعارض منافع {} ثبت شد و در این بند رأی نمی‌دهد";
    MeetOnConsent => "on the consent agenda", "در دستور جلسه یکجا";
    MeetOffConsent => "off the consent agenda", "بیرون از دستور جلسه یکجا";
    MeetMovedBy => "moved by {}", "پیشنهاد {}";
    MeetSecondedBy => "seconded by {}", "موافق دوم {}";
    MeetLiveTally => "votes so far: {} for, {} against, {} abstaining — {} of {} voted", "آرای تاکنون: {} موافق، {} مخالف، {} ممتنع — {} از {} نفر رأی داده‌اند";
    MeetRecusedLine => "Recused: {}", "کنار رفته به سبب تعارض منافع: {}";
    MeetConsentMark => "On the consent agenda", "در دستور جلسه یکجا";
    MeetBallotTitle => "Vote open — {}", "رأی‌گیری باز — {}";
    MeetBallotKeys => "{} for|{} against|{} abstain|{} not voting|{} hide", "{} موافق|{} مخالف|{} ممتنع|{} بدون رأی|{} پنهان";
    MeetYourVote => "Your vote:", "رأی شما:";
    MeetYouMayChange => "you may change it while the vote is open", "تا رأی‌گیری باز است می‌توانید آن را تغییر دهید";
    MeetNotYetVoted => "You have not voted yet.", "هنوز رأی نداده‌اید.";

    // ---- The meeting: minutes
    NeedMemberOfBody => "one of its members (any role) or an administrator", "یکی از اعضای آن (با هر سمتی) یا مدیر سامانه";
    MinutesOpening => "Opening of the session", "افتتاح جلسه";
    MinutesSessionMotions => "Motions of the session", "پیشنهادهای مربوط به اداره جلسه";
    MinutesConsentAgenda => "Consent agenda", "دستور جلسه یکجا";
    MinutesConsentItems => "Adopted together, by one vote: {}.", "با یک رأی‌گیری یکجا تصویب شد: {}.";
    MinutesConsentAdopted => "Adopted on the consent agenda: resolution {}.", "در دستور جلسه یکجا تصویب شد: مصوبه {}.";
    MinutesMovedSeconded => "Moved by {}, seconded by {}.", "به پیشنهاد {} و تأیید {}.";
    MinutesMovedNoSeconder => "Moved by {}; no seconder.", "به پیشنهاد {}، بدون موافق دوم.";
    MinutesMoverNotRecorded => "(not recorded)", "(ثبت نشده)";
    MinutesAmendment => "Amendment", "اصلاحیه";
    MinutesAmendmentOfAmendment => "Amendment to the amendment", "اصلاحیهٔ اصلاحیه";
    MinutesFinalWording => "As adopted", "متن نهایی";
    MinutesOriginalWording => "As moved", "متن پیشنهادی";
    MinutesMotionOutcome => "The motion {}.", "نتیجهٔ رأی‌گیری: {}.";
    MinutesAmendmentOutcome => "The amendment {}.", "نتیجهٔ رأی‌گیری بر اصلاحیه: {}.";
    MinutesVotedHow => "Vote: {}.", "شیوهٔ رأی‌گیری: {}.";
    MinutesWithdrawn => "Withdrawn by the mover.", "پیشنهاددهنده آن را مسترد کرد.";
    MinutesNoSecond => "It failed for lack of a second.", "به سبب نبودن موافق دوم طرح نشد.";
    MinutesAccepted => "Accepted without objection.", "بدون مخالفت پذیرفته شد.";
    MinutesStillPending => "Still before the body: not decided at this session.", "هنوز تعیین تکلیف نشده است: در این جلسه درباره آن تصمیمی گرفته نشد.";
    MinutesVoteStillOpen => "The vote on it was still open.", "رأی‌گیری درباره آن هنوز باز بود.";
    MinutesVotesFor => "For", "موافق";
    MinutesVotesAgainst => "Against", "مخالف";
    MinutesVotesAbstaining => "Abstaining", "ممتنع";
    MinutesVotesNotVoting => "Not voting", "بدون رأی";
    MinutesSecretBallot => "Secret ballot: count only.", "رأی مخفی: فقط شمارش آرا.";
    MinutesRecusal => "{} declared an interest and did not vote: {}.", "{} اعلام تعارض منافع کرد و رأی نداد: {}.";
    MinutesRecusalNoReason => "{} declared an interest and did not vote.", "{} اعلام تعارض منافع کرد و رأی نداد.";
    MinutesBecameResolution => "It became resolution {}.", "به شمارهٔ {} مصوبه شد.";
    MinutesNumberedRejected => "Numbered {} as a motion rejected.", "با شمارهٔ {} به عنوان پیشنهاد ردشده ثبت شد.";
    MinutesClosedItem => "Item {} was taken in closed session.", "دستور {} در جلسهٔ غیرعلنی بررسی شد.";
    MinutesClosedPart => "Closed session", "بخش غیرعلنی";
    MinutesClosedNote => "Confidential: for the members of the body and administrators only.", "محرمانه: فقط برای اعضای نهاد و مدیران سامانه.";
    MinutesNoClosedItems => "No item of this session was taken in closed session.", "هیچ دستوری از این جلسه در بخش غیرعلنی بررسی نشد.";
    CliItemClosed => "agenda item {} is now taken in closed session", "بند {} اکنون در بخش غیرعلنی بررسی می‌شود";
    CliItemOpen => "agenda item {} is now taken in open session", "بند {} اکنون در بخش علنی بررسی می‌شود";
    // ---- After the meeting: the legal clock
    ExpectedPeriod => "a number of days, with w for working days: 14 or 10w", "تعداد روز، با «کاری» برای روزهای کاری: ۱۴ یا ۱۰ کاری";
    ExpectedWeekend => "days of the week, separated by commas: fri or sat,sun", "روزهای هفته، جدا با ویرگول: جمعه یا شنبه،یکشنبه";
    ExpectedRecipient => "a recipient: a person (id, login or name), unit:NAME or authority:NAME", "یک گیرنده: شخص (شناسه، نام کاربری یا نام)، واحد:نام یا مرجع:نام";
    LegalToBeSentBy => "to be sent by {}", "باید تا {} ابلاغ شود";
    LegalWindowUntil => "sent (notified {}); objection window open until {}", "ابلاغ شده ({})؛ مهلت اعتراض تا {}";
    LegalInForceSince => "in force since {}", "لازم‌الاجرا از {}";
    LegalObjectedOn => "objected to on {}; to be answered by {}", "مورد اعتراض در {}؛ پاسخ شورا تا {}";
    LegalInsistedOn => "insisted on {}; at the dispute board", "اصرار شورا در {}؛ در هیئت حل اختلاف";
    LegalAnnulledOn => "annulled on {}", "ابطال شده در {}";
    LegalWithdrawnOn => "withdrawn on {}", "منصرف شده در {}";
    LegalSentLate => "sent late on {} (due {})", "ابلاغ با تأخیر در {} (مهلت {})";
    LegalNotSentInTime => "not sent by {}", "تا {} ابلاغ نشد";
    LegalObjectionLate => "objection of {} came after the window closed on {}", "اعتراض {} پس از پایان مهلت ({}) رسید";
    LegalAnswerLate => "the answer was due by {}", "مهلت پاسخ {} بود";
    LegalSentTo => "sent {} to {} ({}), by {}", "ابلاغ در {} به {} ({})، از راه {}";
    LegalLetterNo => "letter no. {}", "نامه شماره {}";
    LegalAcknowledged => "acknowledged {}", "رسید در {}";
    LawCode => "Code", "کد";
    LawSend => "To send", "مهلت ابلاغ";
    LawObjection => "To object", "مهلت اعتراض";
    LawAnswer => "To answer", "مهلت پاسخ";
    LawWeekend => "Weekend", "تعطیلی هفتگی";
    CliHolidayAdded => "holiday {} recorded", "تعطیل رسمی {} ثبت شد";
    CliDashLegal => "In law: {} not sent in time, {} objection windows ending this week, {} objections to answer, {} in force this month", "سیر قانونی: {} ابلاغ‌نشده پس از مهلت، {} پایان مهلت اعتراض در این هفته، {} اعتراض در انتظار پاسخ، {} لازم‌الاجرا در این ماه";
    CliDashLegalUnsent => "resolution {}: to be sent by {} ({} days late)", "مصوبه {}: مهلت ابلاغ {} ({} روز تأخیر)";
    CliDashLegalWindow => "resolution {}: objection window ends {} ({} days left)", "مصوبه {}: پایان مهلت اعتراض {} ({} روز مانده)";
    CliDashLegalAnswer => "resolution {}: objection to answer by {} ({} days)", "مصوبه {}: پاسخ به اعتراض تا {} ({} روز)";
    InLaw => "In law", "سیر قانونی";
    EdLawProfile => "Law", "مقررات قانونی";
    EdAbsenceRule => "Absence rule", "قاعده غیبت";
    EdAbsenceHint => "year:12,row:6 — empty: none", "سال:۱۲،پیاپی:۶ — خالی: بدون قاعده";
    DashLegalUnsent => "not sent in time", "ابلاغ‌نشده پس از مهلت";
    DashLegalToAnswer => "objections to answer", "اعتراض در انتظار پاسخ";
    DashLegalWindow => "objection windows ending this week", "پایان مهلت اعتراض در این هفته";
    DashLegalInForce => "in force this month", "لازم‌الاجرا در این ماه";
    DashDaysLeft => "{} days", "{} روز";
    LegalFormSend => "Send resolution {}", "ابلاغ مصوبه {}";
    LegalFormAcknowledge => "Acknowledgement of resolution {}", "رسید ابلاغ مصوبه {}";
    LegalFormObject => "Objection to resolution {}", "اعتراض به مصوبه {}";
    LegalFormAnswer => "Answer to the objection to resolution {}", "پاسخ به اعتراض به مصوبه {}";
    LegalFormRuling => "Dispute board's ruling on resolution {}", "رأی هیئت حل اختلاف درباره مصوبه {}";
    LegalFieldTo => "To", "گیرندگان";
    LegalHintTo => "authority:NAME; unit:NAME; a person — separated by ;", "مرجع:نام؛ واحد:نام؛ یا یک شخص — جدا با ؛";
    LegalFieldLetter => "Letter no.", "شماره نامه";
    LegalFieldMethod => "How", "شیوه ابلاغ";
    LegalFieldAuthority => "Authority", "مرجع";
    LegalFieldReason => "Reason", "دلیل";
    LegalFieldAnswer => "Answer", "پاسخ";
    LegalFieldRuling => "Ruling", "رأی";
    LegalHintSession => "the session that answered: id or BODY#NUMBER", "جلسه‌ای که پاسخ داد: شناسه یا نهاد#شماره";
    LegalNothingToAcknowledge => "every sending of this resolution is acknowledged (or there is none)", "همه ابلاغ‌های این مصوبه رسید دارند (یا ابلاغی نیست)";
    LegalStateNotAdopted => "not adopted", "تصویب نشده";
    LegalStateNoClock => "in force (no legal clock)", "لازم‌الاجرا (بدون مهلت قانونی)";
    LegalStateToBeSent => "to be sent", "در انتظار ابلاغ";
    LegalStateWindow => "sent, objection window open", "ابلاغ شده، در مهلت اعتراض";
    LegalStateInForce => "in force", "لازم‌الاجرا";
    LegalStateObjected => "objected to", "مورد اعتراض";
    LegalStateInsisted => "insisted on, at the dispute board", "اصرار شورا، در هیئت حل اختلاف";
    LegalStateAnnulled => "annulled", "ابطال شده";
    LegalStateWithdrawn => "withdrawn", "منصرف شده";
    RefusedLegalNotAdopted => "refused: resolution {} was not adopted, so it has no legal life to record", "رد شد: مصوبه {} تصویب نشده است و سیر قانونی ندارد";
    RefusedLegalNoClock => "refused: resolution {} is under law profile «{}», which has no legal clock; choose one with `shura body edit --law-profile`", "رد شد: مصوبه {} تابع مقررات «{}» است که مهلت قانونی ندارد؛ با فرمان `shura body edit --law-profile` مقررات نهاد را تعیین کنید";
    RefusedLegalEvent => "refused: «{}» cannot be recorded for resolution {}, which is {}", "رد شد: «{}» برای مصوبه {} ثبت نمی‌شود؛ وضعیت آن: {}";
    RefusedLegalNotSentTo => "refused: resolution {} was not sent to «{}»", "رد شد: مصوبه {} به «{}» ابلاغ نشده است";
    RefusedLetterNumberTaken => "refused: the register has letter number «{}» already (letter {})", "رد شد: نامه‌ای با شماره «{}» در دبیرخانه ثبت است (نامه {})";
    RefusedLegalDate => "refused: {} is outside {} to {}", "رد شد: {} خارج از بازه {} تا {} است";
    RefusedLegalAnswerSession => "refused: session {} is not a session of body {}, which answers", "رد شد: جلسه {} از جلسات نهاد {} که باید پاسخ دهد نیست";

    // ---- After the meeting: letters register
    EntityLetterNumber => "letter number", "شماره نامه";
    EntityLetterCorrespondent => "correspondent", "طرف مکاتبه";
    EntityLetterSubject => "letter subject", "موضوع نامه";
    RefusedLetterResolutionOfOtherBody => "refused: resolution {} is of body {}, and letter {} is in the register of body {}", "رد شد: مصوبه {} از آنِ نهاد {} است و نامه {} در دبیرخانه نهاد {} ثبت شده است";
    RefusedLetterItemOfOtherBody => "refused: agenda item {} is on an agenda of body {}, and letter {} is in the register of body {}", "رد شد: بند {} در دستور جلسه نهاد {} است و نامه {} در دبیرخانه نهاد {} ثبت شده است";
    RefusedNewLetterResolutionOfOtherBody => "refused: resolution {} is of body {}, and the letter goes in the register of body {}", "رد شد: مصوبه {} از آنِ نهاد {} است و نامه در دبیرخانه نهاد {} ثبت می‌شود";
    RefusedNewLetterItemOfOtherBody => "refused: agenda item {} is on an agenda of body {}, and the letter goes in the register of body {}", "رد شد: بند {} در دستور جلسه نهاد {} است و نامه در دبیرخانه نهاد {} ثبت می‌شود";
    RefusedLetterSessionOfOtherBody => "refused: session {} is of body {}, and letter {} is in the register of body {}", "رد شد: جلسه {} از آنِ نهاد {} است و نامه {} در دبیرخانه نهاد {} ثبت شده است";
    RefusedLetterNotIncoming => "refused: letter {} is outgoing; only an incoming letter is put on the agenda", "رد شد: نامه {} صادره است؛ تنها نامه وارده در دستور جلسه قرار می‌گیرد";
    RefusedLetterOnAgenda => "refused: letter {} is on the agenda already, as agenda item {}", "رد شد: نامه {} پیش‌تر به‌صورت بند {} در دستور جلسه آمده است";
    LetterNumber => "number", "شماره";
    LetterDirectionCol => "in/out", "نوع";
    LetterDate => "date", "تاریخ";
    LetterCorrespondentCol => "from / to", "از / به";
    LetterSubjectCol => "subject", "موضوع";
    LetterLinks => "linked to", "پیوند";
    LetterFrom => "from", "از";
    LetterTo => "to", "به";
    LetterLinkItem => "agenda item {} (session {})", "بند {} (جلسه {})";
    LetterLinkResolution => "resolution {}", "مصوبه {}";
    LetterNotLinked => "not linked", "بدون پیوند";
    LetterNone => "No letters.", "نامه‌ای نیست.";
    LetterVersion => "version", "نسخه";
    CliLetterAdded => "letter {} registered ({} number {})", "نامه {} ثبت شد ({} به شماره {})";
    CliLetterEdited => "letter {} corrected (version {})", "نامه {} اصلاح شد (نسخه {})";
    CliLetterLinked => "letter {} linked to {}", "نامه {} به {} پیوند خورد";
    CliLetterOnAgenda => "letter {} is on the agenda of session {} as agenda item {}", "نامه {} در دستور جلسه {} به‌صورت بند {} قرار گرفت";

    // ---- After the meeting: signed minutes
    RefusedSignNotApproved => "refused: the minutes of session {} are not approved, so there is nothing to sign yet", "رد شد: صورتجلسه جلسه {} تأیید نشده است و هنوز چیزی برای امضا نیست";
    RefusedSignNoPerson => "refused: no person carries your login «{}»; an administrator gives it to your person (`shura person edit --login`)", "رد شد: هیچ شخصی با نام کاربری شما «{}» ثبت نشده است؛ مدیر سامانه باید آن را به شخص شما بدهد";
    RefusedSignNotASigner => "refused: {} is not one who signs the minutes of session {} (by the body's way of signing: its chair and secretary, or the voting members present)", "رد شد: {} از امضاکنندگان صورتجلسه جلسه {} نیست (به روش امضای نهاد: رئیس و دبیر، یا اعضای دارای رأی حاضر)";
    RefusedSignAlready => "refused: you signed version {} of the minutes of session {} already", "رد شد: نسخه {} صورتجلسه جلسه {} را پیش‌تر امضا کرده‌اید";
    AuditSignatureAltered => "signature {} of the minutes of session {} (login «{}») does not match its audit entry or its approval: changed behind shura's back", "امضای {} صورتجلسه جلسه {} (نام کاربری «{}») با ثبت آن در زنجیره وقایع یا با تأیید صورتجلسه نمی‌خواند: بیرون از شورا تغییر کرده است";
    SignUtc => "UTC", "به وقت جهانی";
    SignBlockTitle => "Signed", "امضاها";
    SignBlockNote => "signatures of approved version {}; this block is not part of the approved text, which `shura minutes verify` checks", "امضاهای نسخه تأییدشده {}؛ این بخش جزء متن تأییدشده نیست و فرمان `shura minutes verify` آن متن را بررسی می‌کند";
    SignNobodyYet => "nobody has signed yet", "هنوز کسی امضا نکرده است";
    SignToSign => "Still to sign", "در انتظار امضای";
    SignSignedBy => "Signed by", "امضاکنندگان";
    SignListSeparator => ", ", "، ";
    SignCheckCode => "Check code", "کد کنترل";
    SignNotApprovedYet => "the minutes of session {} are not approved: nothing to sign yet", "صورتجلسه جلسه {} تأیید نشده است: هنوز چیزی برای امضا نیست";
    CliSigned => "you signed version {} of the minutes of session {} as {} ({}); `shura export minutes` prints the signatures and the check code", "نسخه {} صورتجلسه جلسه {} را با نام {} امضا کردید ({})؛ فرمان `shura export minutes` امضاها و کد کنترل را چاپ می‌کند";
    CliSignaturesHead => "minutes of session {}, approved version {}", "صورتجلسه جلسه {}، نسخه تأییدشده {}";
    VerifyApproved => "approved record: the minutes of session {} of «{}» ({}), approved version {} ({}, {}, {}); check code {}", "سند تأییدشده: صورتجلسه جلسه {} «{}» ({})، نسخه تأییدشده {} ({}، {}، {})؛ کد کنترل {}";
    VerifyLaterVersion => "note: the minutes were corrected since; the latest approved version is {}", "توجه: صورتجلسه پس از آن اصلاح شده است؛ آخرین نسخه تأییدشده {} است";
    VerifyChanged => "changed: {} is not an approved record of this database (check code {}); it was changed after export, or it is no minutes approved here", "تغییر کرده: {} سند تأییدشده‌ای از این پایگاه داده نیست (کد کنترل {})؛ پس از خروجی تغییر کرده یا صورتجلسه‌ای نیست که اینجا تأیید شده باشد";
    VerifyCannotRead => "cannot read {}: {}", "خواندن {} ممکن نشد: {}";
    SignAudiencePublic => "public minutes", "صورتجلسه علنی";
    SignAudienceClosed => "closed-session part", "بخش غیرعلنی";
    SignLangEn => "in English", "به انگلیسی";
    SignLangFa => "in Persian", "به فارسی";
    ConfirmSign => "Sign the approved minutes of session {} as {}? A signature is kept for good. y signs, any other key cancels.", "صورتجلسه تأییدشده جلسه {} با نام {} امضا شود؟ امضا برای همیشه ثبت می‌ماند. y برای امضا، هر کلید دیگر برای انصراف.";
    TuiSigned => "signed the minutes as {}", "صورتجلسه با نام {} امضا شد";
    DashUnsigned => "Minutes to sign: {} members in {} sessions", "صورتجلسه‌های در انتظار امضا: {} عضو در {} جلسه";
    DashUnsignedTitle => "Minutes to sign", "صورتجلسه در انتظار امضا";
    DashUnsignedFigure => "{} members · {} sessions", "{} عضو · {} جلسه";
    DashUnsignedSession => "session {} ({}): {}", "جلسه {} ({}): {}";

    // ---- After the meeting: absences
    AbsUnexcused => "Unexcused", "غیبت غیرموجه";
    AbsExcusedShort => "excused", "موجه";
    AbsUnexcusedShort => "unexcused", "غیرموجه";
    AbsInARow => "In a row", "پیاپی";
    AbsLimit => "Limit", "حد مجاز";
    AbsStanding => "Standing", "وضعیت";
    AbsNoRule => "no rule", "بدون قاعده";
    AbsLimitPerYear => "{} a year", "{} در سال";
    AbsLimitInARow => "{} in a row", "{} پیاپی";
    AbsFine => "fine", "عادی";
    AbsNearing => "nearing: {} left before {}", "نزدیک به حد: {} غیبت تا {}";
    AbsBreached => "breached: {} at session {} on {}", "حد رسید: {} در جلسه {} به تاریخ {}";
    AbsNearingShort => "nearing", "نزدیک به حد";
    AbsBreachedShort => "breached", "به حد رسیده";
    CliAbsencesTitle => "Absences in {}, year {}, as of {}", "غیبت‌ها در {}، سال {}، تا {}";
    CliAbsencesNeedBody => "report absences needs --body (the body's id or name)", "گزارش غیبت‌ها نهاد را می‌خواهد: ‎--body با شناسه یا نام نهاد";
    CliAbsencesWhat => "absence report", "گزارش غیبت‌ها";
    CliAbsencesNone => "No members in office.", "عضوی در سمت نیست.";
    CliDashAbsence => "{}: {} — {} unexcused ({} in a row), {} excused — {}", "{}: {} — {} غیبت غیرموجه ({} پیاپی)، {} موجه — {}";

    // ---- Plans and evaluations: core (issue 16)
    EntityGoal => "goal", "هدف";
    EntityGoalTitle => "goal title", "عنوان هدف";
    EntityBaseline => "baseline", "مقدار پایه";
    EntityPeriodKind => "period", "دوره سنجش";
    EntitySource => "source", "منبع";
    EntityChecklist => "checklist", "چک‌لیست";
    EntityChecklistTitle => "checklist title", "عنوان چک‌لیست";
    EntityCriterion => "criterion", "معیار";
    EntityCriterionName => "criterion name", "نام معیار";
    EntityWeight => "weight", "وزن";
    EntityScale => "scale", "مقیاس";
    EntityScore => "score", "امتیاز";
    EntityFinding => "finding", "یافته";
    EntityUnit => "unit", "واحد";
    EntityVisit => "visit", "بازدید";
    EntityVisitor => "visitor", "بازدیدکننده";
    ExpectedPeriodQuarterJalali => "a quarter of the Jalali year, as this indicator is measured: 1404-Q2, Q2 1404 or «تابستان ۱۴۰۴»", "یک فصل از سال شمسی، چنان‌که این شاخص سنجیده می‌شود: ۱۴۰۴-Q2 یا «تابستان ۱۴۰۴» یا «سه‌ماهه دوم ۱۴۰۴»";
    ExpectedPeriodQuarterGregorian => "a quarter of the Gregorian year, as this indicator is measured: 2025-Q3 or Q3 2025", "یک سه‌ماهه از سال میلادی، چنان‌که این شاخص سنجیده می‌شود: ۲۰۲۵-Q3";
    ExpectedPeriodMonthJalali => "a month of the Jalali year, as this indicator is measured: 1404/07, 1404-07 or «مهر ۱۴۰۴»", "یک ماه از سال شمسی، چنان‌که این شاخص سنجیده می‌شود: ۱۴۰۴/۰۷ یا «مهر ۱۴۰۴»";
    ExpectedPeriodMonthGregorian => "a month of the Gregorian year, as this indicator is measured: 2025-07 or July 2025", "یک ماه از سال میلادی، چنان‌که این شاخص سنجیده می‌شود: ۲۰۲۵-۰۷ یا «ژوئیه ۲۰۲۵»";
    ExpectedPeriodYearJalali => "a Jalali year, as this indicator is measured: 1404", "یک سال شمسی، چنان‌که این شاخص سنجیده می‌شود: ۱۴۰۴";
    ExpectedPeriodYearGregorian => "a Gregorian year, as this indicator is measured: 2025", "یک سال میلادی، چنان‌که این شاخص سنجیده می‌شود: ۲۰۲۵";
    ExpectedCriterion => "a criterion as NAME:WEIGHT, the weight a number above 0 (\"Cleanliness:3\"), or NAME alone for weight 1", "معیاری به شکل نام:وزن، با وزنی بزرگ‌تر از صفر («پاکیزگی معابر:۳»)، یا تنها نام برای وزن ۱";
    ExpectedScore => "a score from 0 to {}, the checklist's scale", "امتیازی از ۰ تا {}، مقیاس چک‌لیست";
    ExpectedScale => "a whole number from 1 to 100 (the highest score of a criterion)", "عددی صحیح از ۱ تا ۱۰۰ (بیشترین امتیاز یک معیار)";
    ExpectedPeriodBegun => "a period that has begun by today (a value is recorded once it is measured)", "دوره‌ای که تا امروز آغاز شده باشد (مقدار پس از سنجش ثبت می‌شود)";
    ExpectedVisitDay => "a day not after today (a visit is recorded once it is made)", "روزی که از امروز نگذشته باشد (بازدید پس از انجام ثبت می‌شود)";
    EvalIncomplete => "incomplete", "ناقص";
    PlanServedBy => "Served by:", "مصوبات و اقداماتی که این سیاست را پیش می‌برند:";
    PlanNothingLinked => "No resolution or task is linked to this policy yet.", "هنوز مصوبه یا اقدامی به این سیاست پیوند نشده است.";
    PlanLinkResolution => "resolution {}", "مصوبهٔ {}";
    PlanLinkTask => "task {}", "اقدام {}";
    RefusedPolicyLinkOtherBody => "{} is of body {}, and policy {} is of body {}: a policy is served by its own body's resolutions and tasks", "{} از آنِ نهاد {} است و سیاست {} از آنِ نهاد {}: سیاست را مصوبات و اقدامات همان نهاد پیش می‌برند";
    RefusedPolicyNotLinked => "policy {} is not linked to {}", "سیاست {} به {} پیوند ندارد";
    RefusedGoalTaken => "body {} has that goal already: goal {} (name it by its title or id)", "نهاد {} این هدف را دارد: هدف {} (آن را با عنوان یا شناسه‌اش نام ببرید)";
    RefusedGoalOtherBody => "goal {} is not one of body {}'s goals", "هدف {} از اهداف نهاد {} نیست";
    RefusedIndicatorPeriodMeasured => "indicator {} has {} measurements: its period cannot change (add a new indicator instead)", "شاخص {} {} سنجش دارد: دوره سنجش آن تغییر نمی‌کند (به جای آن شاخص تازه‌ای بیفزایید)";
    RefusedPolicyOtherBody => "policy {} is not one of body {}'s policies", "سیاست {} از سیاست‌های نهاد {} نیست";
    RefusedNoSuchCriterion => "checklist {} has no criterion «{}» (give its number or its name)", "چک‌لیست {} معیاری به نام «{}» ندارد (شماره یا نام معیار را بدهید)";
    RefusedNoCriteria => "a checklist needs at least one criterion, as NAME:WEIGHT", "چک‌لیست دست‌کم یک معیار می‌خواهد، به شکل نام:وزن";
    RefusedDuplicateCriterion => "the checklist has a criterion «{}» already", "چک‌لیست معیاری به نام «{}» دارد";
    RefusedNoFinding => "criterion {} of visit {} has no finding to follow up: record the finding first", "معیار {} در بازدید {} یافته‌ای برای پیگیری ندارد: نخست یافته را ثبت کنید";
    RefusedFindingHasTask => "that finding of visit {} is task {} already", "این یافتهٔ بازدید {} پیش‌تر اقدام {} شده است";
    RefusedNotScored => "criterion {} is not scored on visit {}", "معیار {} در بازدید {} امتیاز نگرفته است";
    RefusedCriterionScored => "criterion {} was scored on {} visits: it is kept (give it a new name instead)", "معیار {} در {} بازدید امتیاز گرفته است: نگه داشته می‌شود (به جای آن نامش را تغییر دهید)";
    RefusedScaleBelowScores => "the scale cannot be {}: a visit scored {} already", "مقیاس نمی‌تواند {} باشد: بازدیدی امتیاز {} گرفته است";

    // ---- Plans and evaluations: evaluations command line
    EvalTitle => "title", "عنوان";
    EvalBody => "body", "نهاد";
    EvalCriteria => "criteria", "معیارها";
    EvalScale => "scale", "مقیاس";
    EvalEvery => "visit every", "دوره بازدید";
    EvalUnits => "units", "واحدها";
    EvalNumber => "no.", "ردیف";
    EvalCriterion => "criterion", "معیار";
    EvalWeight => "weight", "وزن";
    EvalDate => "date", "تاریخ";
    EvalUnit => "unit", "واحد";
    EvalChecklist => "checklist", "چک‌لیست";
    EvalScore => "score", "امتیاز";
    EvalComplete => "complete", "کامل";
    EvalVisitors => "visitors", "بازدیدکنندگان";
    EvalFinding => "finding", "یافته";
    EvalTask => "task", "اقدام";
    EvalRank => "rank", "رتبه";
    EvalPrevious => "previous", "امتیاز قبلی";
    EvalTrend => "trend", "روند";
    EvalLastVisited => "last visited", "آخرین بازدید";
    EvalDue => "due", "موعد بازدید";
    EvalDaysOverdue => "days overdue", "روز تأخیر";
    EvalNever => "never", "هرگز";
    EvalNone => "none", "هیچ";
    EvalVersion => "version", "نسخه";
    EvalChecklistNone => "No checklists.", "چک‌لیستی نیست.";
    EvalVisitNone => "No visits.", "بازدیدی نیست.";
    EvalBoardNone => "No units to rank: add units to a checklist (`shura checklist edit --add-unit`) or record a visit.", "واحدی برای رتبه‌بندی نیست: به چک‌لیست واحد بیفزایید یا بازدیدی ثبت کنید.";
    EvalBoardOverdueNone => "No visits overdue.", "بازدید عقب‌افتاده‌ای نیست.";
    EvalChecklistHead => "checklist {} — «{}» — {}", "چک‌لیست {} — «{}» — {}";
    EvalScaleLine => "scale: 0 to {}; a visit every {}", "مقیاس: ۰ تا {}؛ بازدید {}";
    EvalUnitsLine => "units: {}", "واحدها: {}";
    EvalVersionLine => "version: {}", "نسخه: {}";
    EvalVisitHead => "visit {} — {} — {}", "بازدید {} — {} — {}";
    EvalVisitChecklistLine => "checklist {} «{}» (scale 0 to {})", "چک‌لیست {} «{}» (مقیاس ۰ تا {})";
    EvalVisitorsLine => "visitors: {}", "بازدیدکنندگان: {}";
    EvalNoteLine => "note: {}", "یادداشت: {}";
    EvalScoreLine => "weighted score: {} ({} of {} criteria scored)", "امتیاز وزنی: {} ({} از {} معیار امتیاز گرفته)";
    EvalNotScored => "weighted score: not scored yet", "امتیاز وزنی: هنوز امتیازی ثبت نشده";
    EvalBoardHead => "checklist {} «{}» — body {}", "چک‌لیست {} «{}» — نهاد {}";
    CliChecklistAdded => "checklist {} added: «{}», {} criteria, scale 0 to {}", "چک‌لیست {} افزوده شد: «{}»، {} معیار، مقیاس ۰ تا {}";
    CliChecklistEdited => "checklist {} corrected (version {})", "چک‌لیست {} اصلاح شد (نسخه {})";
    CliVisitAdded => "visit {} recorded: {} on {}", "بازدید {} ثبت شد: {} در {}";
    CliVisitEdited => "visit {} corrected (version {})", "بازدید {} اصلاح شد (نسخه {})";
    CliVisitScored => "visit {}: criterion {} «{}» scored {} of {}; the visit scores {}", "بازدید {}: معیار {} «{}» امتیاز {} از {} گرفت؛ امتیاز بازدید {}";
    CliFindingTask => "the finding on criterion {} of visit {} is task {}", "یافتهٔ معیار {} در بازدید {} اقدام {} شد";
    ExpectedCriterionRename => "KEY=NAME: the criterion by its number or name, then its new name (\"2=Lighting\")", "شماره یا نام معیار، سپس = و نام تازه («۲=روشنایی»)";
    ExpectedCriterionWeight => "KEY=WEIGHT: the criterion by its number or name, then a weight above 0 (\"2=3\")", "شماره یا نام معیار، سپس = و وزنی بزرگ‌تر از صفر («۲=۳»)";
    ExpectedChecklistKey => "a checklist's id, or its title (`shura checklist list`)", "شناسه یا عنوان یک چک‌لیست (`shura checklist list`)";
    ExpectedVisitKey => "a visit's id (`shura visit list`)", "شناسه یک بازدید (`shura visit list`)";
    CliDashIndicatorsOff => "Indicators off target: {}", "شاخص‌های دور از هدف: {}";
    CliDashIndicatorOff => "{} — {} against a target of {} ({}) {}", "{} — {} در برابر هدف {} ({}) {}";
    CliDashVisitsRanked => "Units by last visit score:", "واحدها به ترتیب امتیاز آخرین بازدید:";
    CliDashVisitRank => "{}. {} — {} on {} {}", "{}. {} — {} در {} {}";
    CliDashVisitsOverdue => "Visits overdue: {}", "بازدیدهای عقب‌افتاده: {}";
    CliDashVisitOverdue => "{} — due {}, {} days overdue", "{} — موعد {}، {} روز تأخیر";
    CliDashVisitNeverOverdue => "{} — never visited", "{} — هرگز بازدید نشده";
    // ---- Plans and evaluations: plans command line
    CliGoalAdded => "goal {} added: «{}»", "هدف {} افزوده شد: «{}»";
    CliGoalEdited => "goal {} is now «{}» (version {})", "عنوان هدف {} اکنون «{}» است (نسخه {})";
    CliGoalNone => "No goals.", "هدفی نیست.";
    CliPolicyAdded => "policy {} added: «{}»", "سیاست {} افزوده شد: «{}»";
    CliPolicyAddedUnder => "policy {} added under goal {} «{}»: «{}»", "سیاست {} ذیل هدف {} «{}» افزوده شد: «{}»";
    CliPolicyEdited => "policy {} corrected (version {})", "سیاست {} اصلاح شد (نسخه {})";
    CliPolicyLinked => "policy {} linked to {}", "سیاست {} به {} پیوند خورد";
    CliPolicyUnlinked => "policy {} no longer linked to {}", "پیوند سیاست {} با {} برداشته شد";
    CliPolicyNone => "No policies.", "سیاستی نیست.";
    CliPlanNoGoal => "(no goal)", "(بدون هدف)";
    CliPlanGoalCol => "goal", "هدف";
    CliPlanPolicyCol => "policy", "سیاست";
    CliPlanIndicatorCol => "indicator", "شاخص";
    CliPlanPoliciesCol => "policies", "سیاست‌ها";
    CliPlanLastPeriodCol => "last period", "آخرین دوره";
    CliPlanLastCol => "last", "آخرین مقدار";
    CliPlanTargetCol => "target", "مقدار هدف";
    CliPlanChangeCol => "change", "تغییر";
    CliPlanTrendCol => "trend", "روند";
    CliPlanProgressCol => "progress", "پیشرفت";
    CliPlanStandingCol => "standing", "وضعیت";
    CliPlanOffTarget => "off target", "دور از هدف";
    CliPlanNotMeasured => "not measured", "سنجیده نشده";
    CliPlanBetter => "better", "بهتر";
    CliPlanWorse => "worse", "بدتر";
    CliPlanSame => "no change", "بی‌تغییر";
    CliPlanPercent => "{}%", "{}٪";
    CliPlanPolicyHead => "policy {} — «{}»", "سیاست {} — «{}»";
    CliPlanGoalLine => "goal: {} «{}»", "هدف: {} «{}»";
    CliPlanGoalNone => "goal: none", "هدف: ندارد";
    CliPlanDescription => "description: {}", "شرح: {}";
    CliPlanIndicatorsHead => "indicators:", "شاخص‌ها:";
    CliPlanLinksLine => "linked to: {}", "پیوندها: {}";
    CliPlanNotLinked => "linked to: nothing", "پیوندها: ندارد";
    CliPlanLinkResolution => "resolution {} (id {})", "مصوبه {} (شناسه {})";
    CliPlanLinkTask => "task {} «{}»", "اقدام {} «{}»";
    CliPlanVersion => "version: {}", "نسخه: {}";
    CliIndicatorAdded => "indicator {} added to policy {}: «{}», target {}, measured each {}", "شاخص {} به سیاست {} افزوده شد: «{}»، مقدار هدف {}، دوره سنجش: {}";
    CliIndicatorEdited => "indicator {} corrected (version {})", "شاخص {} اصلاح شد (نسخه {})";
    CliIndicatorNone => "No indicators.", "شاخصی نیست.";
    CliIndicatorHead => "indicator {} — «{}» (policy {} «{}»)", "شاخص {} — «{}» (سیاست {} «{}»)";
    CliIndicatorUnit => "unit: {}", "واحد: {}";
    CliIndicatorTarget => "target: {}, {}", "مقدار هدف: {}، {}";
    CliIndicatorHigherBetter => "higher is better", "بیشتر بهتر است";
    CliIndicatorLowerBetter => "lower is better", "کمتر بهتر است";
    CliIndicatorBaseline => "baseline: {}", "مقدار پایه: {}";
    CliIndicatorPeriod => "measured each {}, in the {} calendar", "دوره سنجش: {}، به تقویم {}";
    CliIndicatorLast => "last: {} for {}; change {}; progress {}; {}", "آخرین مقدار: {} برای {}؛ تغییر {}؛ پیشرفت {}؛ {}";
    CliIndicatorSpark => "trend ({} to {}): {}", "روند ({} تا {}): {}";
    CliIndicatorMissing => "due: no value for {} yet", "سررسیده: مقدار {} هنوز ثبت نشده است";
    CliIndicatorNoMeasurement => "nothing measured yet", "هنوز سنجشی ثبت نشده است";
    CliPlanPeriodCol => "period", "دوره";
    CliPlanValueCol => "value", "مقدار";
    CliPlanSourceCol => "source", "منبع";
    CliPlanNoteCol => "note", "توضیح";
    CliMeasurementRecorded => "indicator {}: {} recorded for {}", "شاخص {}: مقدار {} برای {} ثبت شد";
    CliMeasurementCorrected => "indicator {}: {} corrected for {} (was {})", "شاخص {}: مقدار {} برای {} اصلاح شد (پیش‌تر {})";
    // ---- Plans and evaluations: plans TUI
    PlansScreen => "Plan screen", "صفحهٔ برنامه";
    PlanScreenTitle => "Plan — {}", "برنامه — {}";
    PlanTreeTitle => "Goals, policies and indicators", "اهداف، سیاست‌ها و شاخص‌ها";
    PlanNoGoal => "Policies with no goal", "سیاست‌های بدون هدف";
    PlanColLast => "Last", "آخرین";
    PlanColTarget => "Target", "مقدار هدف";
    PlanColTrend => "Trend", "روند";
    PlanColProgress => "Progress", "پیشرفت";
    PlanColState => "State", "وضعیت";
    PlanColPeriod => "Period", "دوره";
    PlanColValue => "Value", "مقدار";
    PlanColSource => "Source", "منبع";
    PlanOnTarget => "on target", "در حد هدف";
    PlanOffTarget => "off target", "دور از هدف";
    PlanNotMeasured => "not measured", "سنجیده نشده";
    PlanMeasurementsTitle => "Measurements — {}", "سنجش‌ها — {}";
    PlanMeasurements => "Measurements", "سنجش‌ها";
    PlanChartTitle => "Trend — {}", "روند — {}";
    PlanLegendValue => "measured", "سنجیده";
    PlanLegendTarget => "target", "مقدار هدف";
    PlanLegendBaseline => "baseline", "مقدار پایه";
    PlanSparkTarget => "target {}", "مقدار هدف {}";
    PlanSparkLast => "last {} ({})", "آخرین {} ({})";
    PlanPickIndicator => "Select an indicator to see its measurements", "شاخصی را برای دیدن سنجش‌هایش انتخاب کنید";
    PlanNoMeasurement => "No measurement yet", "هنوز سنجشی ثبت نشده";
    PlanFormNewGoal => "New goal", "هدف تازه";
    PlanFormRenameGoal => "Rename the goal «{}»", "تغییر عنوان هدف «{}»";
    PlanFormNewPolicy => "New policy", "سیاست تازه";
    PlanFormEditPolicy => "Edit the policy «{}»", "ویرایش سیاست «{}»";
    PlanFormNewIndicator => "New indicator of «{}»", "شاخص تازهٔ «{}»";
    PlanFormEditIndicator => "Edit the indicator «{}»", "ویرایش شاخص «{}»";
    PlanFormRecord => "Record a measurement of «{}»", "ثبت سنجش «{}»";
    PlanFieldGoal => "Goal", "هدف";
    PlanFieldDescription => "Description", "شرح";
    PlanFieldUnit => "Unit", "واحد";
    PlanFieldBaseline => "Baseline", "مقدار پایه";
    PlanFieldLower => "Lower is better", "کمتر بهتر است";
    PlanFieldPeriodKind => "Measured each", "دوره سنجش";
    PlanFieldSource => "Source", "منبع";
    PlanHintGoal => "a goal's title (a new title adds the goal); empty: no goal", "عنوان یک هدف (عنوان تازه هدف را می‌افزاید)؛ خالی: بدون هدف";
    PlanHintPeriod => "for example {}", "برای نمونه {}";
    PlanHintOptional => "optional", "اختیاری";
    PlanGoalAdded => "goal added: {}", "هدف افزوده شد: {}";
    PlanGoalRenamed => "goal renamed: {}", "عنوان هدف تغییر کرد: {}";
    PlanPolicyAdded => "policy added: {}", "سیاست افزوده شد: {}";
    PlanPolicySaved => "policy saved: {}", "سیاست ذخیره شد: {}";
    PlanIndicatorAdded => "indicator added: {}", "شاخص افزوده شد: {}";
    PlanIndicatorSaved => "indicator saved: {}", "شاخص ذخیره شد: {}";
    PlanRecorded => "{}: {} recorded for {}", "{}: {} برای {} ثبت شد";
    PlanSelectPolicy => "Select a policy (or one of its indicators) first", "نخست سیاستی (یا یکی از شاخص‌هایش) را انتخاب کنید";
    PlanSelectIndicator => "Select an indicator first", "نخست شاخصی را انتخاب کنید";
    PlanSelectRow => "Select a goal, policy or indicator to edit", "هدف، سیاست یا شاخصی را برای ویرایش انتخاب کنید";
    PlanShortGoal => "goal", "هدف";
    PlanShortPolicy => "policy", "سیاست";
    PlanShortIndicator => "indicator", "شاخص";
    PlanShortRecord => "measure", "سنجش";
    PlanShortEdit => "edit", "ویرایش";
    // ---- Plans and evaluations: evaluations TUI and dashboard
    VisitsScreen => "Evaluations", "ارزیابی";
    VisitPageScreen => "Field visit", "بازدید میدانی";
    EvVisitTitle => "Visit {} — {}, {}", "بازدید {} — {}، {}";
    EvChecklists => "Checklists", "چک‌لیست‌ها";
    EvNoChecklistYet => "none yet: c adds one", "هنوز هیچ: با c بیفزایید";
    EvNoChecklist => "this body has no checklist yet: c adds one", "این نهاد هنوز چک‌لیستی ندارد: با c بیفزایید";
    EvOpenVisitFirst => "open a visit first (Enter on a visit)", "نخست بازدیدی را باز کنید (Enter روی بازدید)";
    EvOpenVisitsFirst => "open a body's evaluations first (V on the bodies screen)", "نخست ارزیابی نهادی را باز کنید (V در صفحهٔ نهادها)";
    EvCriteria => "Criteria", "معیارها";
    EvUnitsHeader => "Units", "واحدها";
    EvBoard => "Scoreboard", "جدول امتیاز";
    EvVisits => "Visits", "بازدیدها";
    EvPrevious => "Before", "قبلی";
    EvLastVisit => "Last visit", "آخرین بازدید";
    EvDue => "Due", "موعد";
    EvDueCount => "{} due", "{} سررسیده";
    EvDaysOverdue => "{} days late", "{} روز دیرکرد";
    EvNeverVisited => "never visited", "بازدیدنشده";
    EvComplete => "Done", "کامل";
    EvScoredOf => "{} of {} criteria scored", "{} معیار از {} امتیاز گرفته";
    EvFormNewChecklist => "New checklist", "چک‌لیست تازه";
    EvFormEditChecklist => "Edit checklist: {}", "ویرایش چک‌لیست: {}";
    EvFormNewVisit => "New visit: {}", "بازدید تازه: {}";
    EvFormScore => "Score: {}", "امتیاز: {}";
    EvFormFindingTask => "Follow-up task: {}", "اقدام پیگیری: {}";
    EvFieldCriteria => "Criteria", "معیارها";
    EvHintCriteria => "NAME:WEIGHT, separated by ; (Cleanliness:3; Lighting:2)", "نام:وزن، جداشده با ؛ (پاکیزگی:۳؛ روشنایی:۲)";
    EvFieldScale => "Scale (highest score)", "مقیاس (بیشترین امتیاز)";
    EvFieldEvery => "Visit every", "دورهٔ بازدید";
    EvFieldUnits => "Units", "واحدها";
    EvHintUnits => "districts or departments, separated by ;", "مناطق یا واحدها، جداشده با ؛";
    EvFieldAddCriteria => "Add criteria", "افزودن معیار";
    EvFieldAddUnits => "Add units", "افزودن واحد";
    EvFieldRemoveUnits => "Remove units", "حذف واحد";
    EvOtherUnit => "(another, typed below)", "(واحد دیگر، در زیر)";
    EvFieldOtherUnit => "Or another unit", "یا واحد دیگر";
    EvHintOtherUnit => "typed here, it is added to the checklist", "اگر اینجا نوشته شود به چک‌لیست افزوده می‌شود";
    EvFieldVisitors => "Visitors", "بازدیدکنندگان";
    EvHintVisitors => "names, separated by ;", "نام‌ها، جداشده با ؛";
    EvFieldNote => "Note", "یادداشت";
    EvHintScore => "from 0 to {}", "از ۰ تا {}";
    EvUnitVisited => "(the unit visited)", "(واحد بازدیدشده)";
    EvUnitNeeded => "choose the unit visited, or type another", "واحد بازدیدشده را برگزینید یا واحد دیگری بنویسید";
    EvChecklistAdded => "checklist {} added: {}", "چک‌لیست {} افزوده شد: {}";
    EvChecklistSaved => "checklist {} saved: {}", "چک‌لیست {} ذخیره شد: {}";
    EvVisitAdded => "visit {} recorded: {}, {}", "بازدید {} ثبت شد: {}، {}";
    EvScoreSaved => "criterion {} scored; the visit stands at {}", "معیار {} امتیاز گرفت؛ امتیاز بازدید {}";
    EvTaskMade => "task {} made: {}", "اقدام {} ساخته شد: {}";
    EvDashRanked => "Units by last visit", "امتیاز واحدها";
    EvDashOverdue => "Visits overdue", "بازدیدهای معوق";
    EvRankedCount => "{} scored", "{} امتیازدار";
    EvWorse => "worse", "بدتر";
    EvPeriod => "Period", "دوره";
    EvHdrChecklist => "Checklist", "چک‌لیست";
    EvHdrUnit => "Unit", "واحد";
    EvHdrScore => "Score", "امتیاز";
    EvHdrScale => "Scale", "مقیاس";
    EvHdrEvery => "Every", "دوره";
    EvHdrCriterion => "Criterion", "معیار";
    EvHdrWeight => "Weight", "وزن";
    EvHdrFinding => "Finding", "یافته";
    EvHintNewVisit => "visit", "بازدید";
    EvHintNewChecklist => "checklist", "چک‌لیست";
    EvHintEditChecklist => "edit", "ویرایش";
    EvHintScoreKey => "score", "امتیاز";
    EvHintTaskKey => "finding → task", "یافته ← اقدام";

    // ---- After the meeting: invitations and mail
    RefusedInviteSession => "session {} is {}: invitations go out only for a planned or open session", "جلسهٔ {} {} است: دعوتنامه فقط برای جلسهٔ برنامه‌ریزی‌شده یا در جریان فرستاده می‌شود";
    RefusedNoSendmail => "no `sendmail` on this server (tried {}): install a mail transfer agent, or set `SHURA_SENDMAIL` to its command; without --mail the files are written instead", "برنامهٔ ارسال رایانامه (`sendmail`) روی این کارساز نیست (آزموده شد: {}): یک عامل انتقال رایانامه نصب کنید یا `SHURA_SENDMAIL` را به فرمان آن تنظیم کنید؛ بدون ‎--mail پرونده‌ها نوشته می‌شوند";
    RefusedBadAddress => "{} is not a mail address shura can send to (expected `name@example.org`)", "{} نشانی رایانامه‌ای نیست که شورا بتواند به آن بفرستد (باید مانند `name@example.org` باشد)";
    RefusedMailFailed => "the mail to {} was not sent: {}", "رایانامه به {} فرستاده نشد: {}";
    InviteTitle => "Invitation", "دعوتنامه";
    InviteSubject => "Invitation: {}, {}, {}", "دعوتنامه: {} {}، {}";
    InviteGreeting => "Dear {},", "{} گرامی،";
    InviteText => "You are invited to {} of {}.", "بدین‌وسیله از شما برای شرکت در {} {} دعوت می‌شود.";
    InviteExtraordinary => "This is an extraordinary session.", "این جلسه فوق‌العاده است.";
    InviteDate => "Date: {}", "تاریخ: {}";
    InviteTime => "Time: {}", "ساعت: {}";
    InvitePlace => "Place: {}", "محل: {}";
    InviteAgenda => "Agenda", "دستور جلسه";
    InviteNoAgenda => "The agenda will follow.", "دستور جلسه متعاقباً اعلام می‌شود.";
    InviteClosing => "The secretariat of {}", "دبیرخانهٔ {}";
    InviteAttached => "The invitation for your calendar is attached (invitation.ics).", "دعوتنامه برای تقویم شما پیوست است (invitation.ics).";
    AssigneeDigestSubject => "Overdue tasks: {}, {}", "اقدامات معوق: {}، {}";
    AssigneeDigestIntro => "These tasks assigned to you are past their due date:", "مهلت این اقدامات که به شما سپرده شده گذشته است:";
    AssigneeDigestLine => "#{} {} ({}) — due {} — {} days late", "#{} {} ({}) — مهلت {} — {} روز تأخیر";
    AssigneeDigestResolution => "resolution {}", "مصوبهٔ {}";
    CliInviteWritten => "invitation for {} written to {}", "دعوتنامهٔ {} در {} نوشته شد";
    CliInviteSent => "invitation for {} sent to {}", "دعوتنامهٔ {} به {} فرستاده شد";
    CliInviteNoEmail => "{} has no mail address: no invitation sent", "{} نشانی رایانامه ندارد: دعوتنامه‌ای فرستاده نشد";
    CliInviteNobody => "session {} has nobody to invite (no member in office, no guest)", "جلسهٔ {} کسی برای دعوت ندارد (نه عضوی در سمت، نه مدعوی)";
    CliDigestWritten => "digest for {} written to {}", "گزارش {} در {} نوشته شد";
    CliDigestSent => "digest for {} sent to {}", "گزارش {} به {} فرستاده شد";
    CliDigestNoEmail => "{} has no mail address: no digest sent", "{} نشانی رایانامه ندارد: گزارشی فرستاده نشد";
    CliDigestNoPerson => "{} overdue tasks have no person assigned (a unit, or nobody): they are in `report overdue`, not in a digest", "{} اقدام معوق مسئولی از میان اشخاص ندارد (واحد یا هیچ‌کس): در `report overdue` هستند، نه در گزارش کسی";
    CliDigestNobody => "nobody has overdue tasks", "هیچ‌کس اقدام معوقی ندارد";
    CliMailUnsent => "{} of {} not sent: no mail address (see above)", "{} از {} فرستاده نشد: نشانی رایانامه ندارند (بالا را ببینید)";
    InvitationsWritten => "{} invitations (Markdown, HTML and iCalendar each) written to {}", "{} دعوتنامه (هر یک با قالب‌های مارک‌داون، اچ‌تی‌ام‌ال و آی‌کلندر) در {} نوشته شد";
    CliByAssigneeNeeded => "--mail goes with --by-assignee (one digest per assignee)", "‎--mail با ‎--by-assignee می‌آید (یک گزارش برای هر مسئول)";

}

/// A message with `{}` placeholders filled in order.
pub fn tf(lang: Lang, msg: Msg, args: &[&str]) -> String {
    let mut out = String::new();
    let mut rest = msg.text(lang);
    let mut args = args.iter();
    while let Some(i) = rest.find("{}") {
        out.push_str(&rest[..i]);
        out.push_str(args.next().copied().unwrap_or(""));
        rest = &rest[i + 2..];
    }
    out.push_str(rest);
    out
}

/// Shorthand: the message in the given language.
pub fn t(lang: Lang, msg: Msg) -> &'static str {
    msg.text(lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_has_both_languages() {
        for m in Msg::ALL {
            assert!(!m.text(Lang::En).is_empty(), "{m:?} en");
            assert!(!m.text(Lang::Fa).is_empty(), "{m:?} fa");
        }
    }

    /// Technical tokens a Persian text may keep as they are.
    const TECHNICAL: &[&str] = &[
        "uid",
        "SQLite",
        "JSON",
        "WAL",
        "CSV",
        "$EDITOR",
        "$VISUAL",
        "data/demo.toml",
    ];

    /// The text with placeholders, technical tokens, `--flags`, key names (one capital,
    /// `Ctrl-S`, `Enter`, `Esc`, `Tab`) and `backquoted commands` taken out.
    fn without_allowed(text: &str) -> String {
        let mut rest = text.replace("{}", " ");
        for tok in TECHNICAL {
            rest = rest.replace(tok, " ");
        }
        let mut out = String::new();
        let mut quoted = false;
        for word in rest.split_inclusive('`') {
            if !quoted {
                out.push_str(word.trim_end_matches('`'));
            }
            quoted = !quoted;
        }
        out.split_whitespace()
            .filter(|w| !w.trim_start_matches('\u{200e}').starts_with("--"))
            .filter(|w| !w.starts_with("Ctrl-") && !["Enter", "Esc", "Tab"].contains(w))
            .collect::<Vec<_>>()
            .join(" ")
    }

    fn is_persian_letter(c: char) -> bool {
        ('\u{0600}'..='\u{06FF}').contains(&c) || ('\u{FB50}'..='\u{FEFF}').contains(&c)
    }

    #[test]
    fn persian_entries_are_persian() {
        let mut bad = Vec::new();
        for m in Msg::ALL {
            let fa = m.text(Lang::Fa);
            let rest = without_allowed(fa);
            let ascii_letters = rest.chars().any(|c| c.is_ascii_alphabetic());
            let persian = rest.chars().any(is_persian_letter);
            if fa.trim().is_empty() || (ascii_letters && !persian) {
                bad.push(format!("{m:?}: {fa:?}"));
            }
        }
        assert!(bad.is_empty(), "not Persian:\n{}", bad.join("\n"));
    }

    /// The checker itself: it fails on English, passes on Persian with allowed tokens.
    #[test]
    fn the_persian_check_catches_english() {
        let english = |s: &str| {
            let rest = without_allowed(s);
            rest.chars().any(|c| c.is_ascii_alphabetic()) && !rest.chars().any(is_persian_letter)
        };
        assert!(english("not found"));
        assert!(english("{} is {}"));
        assert!(!english("{} (uid {}) مدیر سامانه است"));
        assert!(!english("Ctrl-S ذخیره · Esc بستن"));
        assert!(!english("با ‎--json همه ارقام"));
    }

    /// Messages an error is made of: no English word at all in Persian (beyond the
    /// technical tokens), since they reach people who may read no English.
    #[test]
    fn persian_error_messages_hold_no_english_word() {
        // These name the codes to type (majority, monthly, {seq}, …): left as they are.
        let codes = [
            Msg::ExpectedQuorumRule,
            Msg::ExpectedMeetingRule,
            Msg::ExpectedResolutionFormat,
            Msg::ExpectedFormatField,
            Msg::ExpectedThreshold,
            Msg::ExpectedVotingRule,
        ];
        let families = [
            "Err",
            "Refused",
            "Date",
            "Entity",
            "Io",
            "Expected",
            "Audit",
            "CliDash",
            "Motion",
            "Vote",
            "Outcome",
            "Threshold",
            "Rule",
        ];
        let mut bad = Vec::new();
        for m in Msg::ALL {
            let name = format!("{m:?}");
            if codes.contains(m) || !families.iter().any(|f| name.starts_with(f)) {
                continue;
            }
            // "xx" in 14xx, single letters of +7d: fewer than 3 letters are not words.
            let rest = without_allowed(m.text(Lang::Fa));
            let words: Vec<&str> = rest
                .split(|c: char| !c.is_ascii_alphabetic())
                .filter(|w| w.len() >= 3)
                .collect();
            if !words.is_empty() {
                bad.push(format!("{name}: {words:?}"));
            }
        }
        assert!(
            bad.is_empty(),
            "English in Persian errors:\n{}",
            bad.join("\n")
        );
    }
}
