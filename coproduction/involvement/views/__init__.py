"""Getting involved's pages, by topic: the staff pages under /involvement/, a volunteer's own
page at /involvement/mine/, and the tablet's two pages under /kiosk/."""
