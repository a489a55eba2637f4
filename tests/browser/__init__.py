"""Browser tests (Playwright + Debian Chromium); they skip when /usr/bin/chromium is missing."""
