"""Reminders about rounds and nudges to editors: planning (which rows should exist), dispatch (claiming due rows),
delivery (one row, by email or signed webhook). The rows themselves are accounts.models.Reminder."""
