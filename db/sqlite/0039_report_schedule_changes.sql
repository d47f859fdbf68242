-- When a schedule was last changed: like a new schedule, a changed one starts with the first run after the change, so
-- a period whose run fell due before it is not mailed late.
ALTER TABLE report_schedules ADD COLUMN changed_at TEXT NULL;
