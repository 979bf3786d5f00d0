"""Date formats as each client prints them in headers and quote attributions."""

from datetime import datetime, timedelta, timezone

DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
ZH_WD = "一二三四五六日"
DE_DAYS = ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"]


def parse_local(s, tz_hours):
    """'2026-12-01 15:05[:12]' in a UTC offset -> aware datetime."""
    fmt = "%Y-%m-%d %H:%M:%S" if s.count(":") == 2 else "%Y-%m-%d %H:%M"
    return datetime.strptime(s, fmt).replace(tzinfo=timezone(timedelta(hours=tz_hours)))


def in_tz(dt, tz_hours):
    return dt.astimezone(timezone(timedelta(hours=tz_hours)))


def rfc5322(dt):
    off = dt.utcoffset()
    mins = int(off.total_seconds() // 60)
    sign = "+" if mins >= 0 else "-"
    mins = abs(mins)
    return "%s, %d %s %d %02d:%02d:%02d %s%02d%02d" % (
        DAYS[dt.weekday()][:3], dt.day, MONTHS[dt.month - 1][:3], dt.year,
        dt.hour, dt.minute, dt.second, sign, mins // 60, mins % 60)


def h12(dt):
    h = dt.hour % 12 or 12
    return "%d:%02d %s" % (h, dt.minute, "AM" if dt.hour < 12 else "PM")


def zh_ampm(dt, pad=True):
    """下午 03:05 (Outlook zh-TW) or 下午3:05 (Apple/Gmail)."""
    h = dt.hour % 12 or 12
    ap = "上午" if dt.hour < 12 else "下午"
    return ("%s %02d:%02d" % (ap, h, dt.minute)) if pad else ("%s%d:%02d" % (ap, h, dt.minute))


def outlook_sent(dt, ui):
    if ui == "en-US":
        return "%s, %s %d, %d %s" % (DAYS[dt.weekday()], MONTHS[dt.month - 1], dt.day, dt.year, h12(dt))
    if ui == "en-GB":
        return "%s, %d %s %d %02d:%02d" % (DAYS[dt.weekday()], dt.day, MONTHS[dt.month - 1], dt.year, dt.hour, dt.minute)
    if ui == "de":
        return "%s, %d. %s %d %02d:%02d" % (DE_DAYS[dt.weekday()], dt.day,
                                            ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
                                             "September", "Oktober", "November", "Dezember"][dt.month - 1],
                                            dt.year, dt.hour, dt.minute)
    if ui in ("zh-TW", "zh-HK"):
        return "%d年%d月%d日 %s" % (dt.year, dt.month, dt.day, zh_ampm(dt))
    return "%d年%d月%d日 %d:%02d" % (dt.year, dt.month, dt.day, dt.hour, dt.minute)


def gmail_attr_date(dt, ui):
    if ui == "en-GB":
        return "%s, %d %s %d at %02d:%02d" % (DAYS[dt.weekday()][:3], dt.day, MONTHS[dt.month - 1][:3], dt.year, dt.hour, dt.minute)
    if ui == "zh-CN":
        return "%d年%d月%d日周%s %02d:%02d" % (dt.year, dt.month, dt.day, ZH_WD[dt.weekday()], dt.hour, dt.minute)
    if ui in ("zh-TW", "zh-HK"):
        return "%d年%d月%d日 週%s %s" % (dt.year, dt.month, dt.day, ZH_WD[dt.weekday()], zh_ampm(dt, pad=False))
    return "%s, %s %d, %d at %s" % (DAYS[dt.weekday()][:3], MONTHS[dt.month - 1][:3], dt.day, dt.year, h12(dt))
