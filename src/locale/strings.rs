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
}
