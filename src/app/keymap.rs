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
}

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
    Open = "open", "Open", "باز کردن";
    Filter = "filter", "Filter the list", "پالایش فهرست";
    Refresh = "refresh", "Reload and redraw the screen", "بارگذاری و ترسیم دوباره";
    NewBody = "new_body", "New body", "نهاد جدید";
    AddMember = "add_member", "Add a member", "افزودن عضو";
    NewSession = "new_session", "Schedule the next session", "برنامه‌ریزی جلسه بعد";
    OpenSession = "open_session", "Open the session", "شروع جلسه";
    CloseSession = "close_session", "Close the session", "ختم جلسه";
    ApproveMinutes = "approve_minutes", "Approve the minutes (chair)", "تأیید صورتجلسه (رئیس)";
    CancelSession = "cancel_session", "Cancel the session", "لغو جلسه";
    AddItem = "add_item", "Add an agenda item", "افزودن بند دستور جلسه";
    EditItem = "edit_item", "Edit the agenda item", "ویرایش بند";
    MoveItemUp = "move_item_up", "Move the item up", "جابه‌جایی بند به بالا";
    MoveItemDown = "move_item_down", "Move the item down", "جابه‌جایی بند به پایین";
    DeferItem = "defer_item", "Defer the item to the next session", "تعویق بند به جلسه بعد";
    WithdrawItem = "withdraw_item", "Withdraw the item", "استرداد بند";
    WriteMinutes = "write_minutes", "Write the item's minutes", "نوشتن صورتجلسه بند";
    ExternalEditor = "external_editor", "Write the minutes in $EDITOR", "نوشتن صورتجلسه در ویرایشگر";
    AddResolution = "add_resolution", "Record a resolution", "ثبت مصوبه";
    AddTask = "add_task", "Add a follow-up task", "افزودن پیگیری";
    ReviewTask = "review_task", "Record progress (a task or resolution)", "ثبت پیشرفت (پیگیری یا مصوبه)";
    InviteGuest = "invite_guest", "Invite a guest", "دعوت از مهمان";
    ExportMinutes = "export_minutes", "Export the minutes (Markdown and HTML)", "خروجی صورتجلسه";
    MarkPresent = "mark_present", "Present", "حاضر";
    MarkAbsent = "mark_absent", "Absent", "غایب";
    MarkExcused = "mark_excused", "Excused", "غیبت موجه";
    MarkLate = "mark_late", "Late", "با تأخیر";
    MarkRemote = "mark_remote", "Remote", "برخط";
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
        b(List, &["tab", "l", "right"], NextPane),
        b(List, &["shift-tab", "h", "left"], PrevPane),
        b(List, &["enter"], Open),
        b(List, &["/"], Filter),
        b(Bodies, &["B"], NewBody),
        b(Bodies, &["M"], AddMember),
        b(Bodies, &["n"], NewSession),
        b(Session, &["O"], OpenSession),
        b(Session, &["C"], CloseSession),
        b(Session, &["A"], ApproveMinutes),
        b(Session, &["X"], CancelSession),
        b(Session, &["a"], AddItem),
        b(Session, &["e"], EditItem),
        b(Session, &["K", "shift-up"], MoveItemUp),
        b(Session, &["J", "shift-down"], MoveItemDown),
        b(Session, &["d"], DeferItem),
        b(Session, &["w"], WithdrawItem),
        b(Session, &["m"], WriteMinutes),
        b(Session, &["E"], ExternalEditor),
        b(Session, &["r"], AddResolution),
        b(Session, &["t"], AddTask),
        b(Session, &["u"], ReviewTask),
        b(Session, &["i"], InviteGuest),
        b(Session, &["x"], ExportMinutes),
        b(RollCall, &["p"], MarkPresent),
        b(RollCall, &["b"], MarkAbsent),
        b(RollCall, &["s"], MarkExcused),
        b(RollCall, &["L"], MarkLate),
        b(RollCall, &["o"], MarkRemote),
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

/// The keys of an action, joined for display ("?, f1").
pub fn keys_of(bindings: &[Binding], action: Action) -> String {
    bindings
        .iter()
        .filter(|b| b.action == action)
        .flat_map(|b| b.keys.iter().cloned())
        .collect::<Vec<_>>()
        .join(", ")
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
        let bindings = default_bindings();
        let groups: &[&[Scope]] = &[
            &[Scope::Bodies, Scope::List, Scope::Global],
            &[Scope::RollCall, Scope::Session, Scope::List, Scope::Global],
            &[Scope::Dashboard, Scope::List, Scope::Global],
            &[Scope::Browser, Scope::List, Scope::Global],
            &[Scope::Resolution, Scope::List, Scope::Global],
            &[Scope::Mine, Scope::List, Scope::Global],
        ];
        for scopes in groups {
            let mut seen: Vec<(&str, Action)> = Vec::new();
            for b in bindings.iter().filter(|b| scopes.contains(&b.scope)) {
                for k in &b.keys {
                    // A more specific scope may shadow on purpose only in RollCall.
                    if let Some((_, other)) = seen.iter().find(|(key, _)| key == k) {
                        if b.scope != Scope::RollCall {
                            panic!("key {k} bound to {other:?} and {:?}", b.action);
                        }
                    }
                    seen.push((k, b.action));
                }
            }
        }
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
