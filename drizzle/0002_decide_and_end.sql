CREATE TABLE `decisions` (
	`session_id` text NOT NULL,
	`id` text NOT NULL,
	`threat_id` text NOT NULL,
	`kind` text NOT NULL,
	`rationale` text NOT NULL,
	`mitigation` text NOT NULL,
	`owner` text NOT NULL,
	`due_date` text NOT NULL,
	`issue_url` text NOT NULL,
	`review_date` text NOT NULL,
	`defer_until` text NOT NULL,
	`transfer_to` text NOT NULL,
	`on_behalf_of` text NOT NULL,
	`decided_by` text NOT NULL,
	`decided_by_name` text NOT NULL,
	`decided_at` integer NOT NULL,
	PRIMARY KEY(`session_id`, `id`),
	FOREIGN KEY (`session_id`) REFERENCES `sessions`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "decisions_kind_check" CHECK(kind IN ('mitigate', 'accept', 'defer', 'transfer'))
);
--> statement-breakpoint
CREATE INDEX `decisions_session_threat_idx` ON `decisions` (`session_id`,`threat_id`,`decided_at`);--> statement-breakpoint
CREATE TABLE `session_events` (
	`session_id` text NOT NULL,
	`id` text NOT NULL,
	`action` text NOT NULL,
	`next_session_date` text NOT NULL,
	`at` integer NOT NULL,
	`by` text NOT NULL,
	`by_name` text NOT NULL,
	PRIMARY KEY(`session_id`, `id`),
	FOREIGN KEY (`session_id`) REFERENCES `sessions`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "session_events_action_check" CHECK(action IN ('end', 'reopen'))
);
--> statement-breakpoint
CREATE INDEX `session_events_session_at_idx` ON `session_events` (`session_id`,`at`);--> statement-breakpoint
ALTER TABLE `sessions` ADD `ended_at` integer;--> statement-breakpoint
ALTER TABLE `sessions` ADD `next_session_date` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `sessions` ADD `previous_session_id` text REFERENCES sessions(id);