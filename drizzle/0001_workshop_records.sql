CREATE TABLE `na_marks` (
	`session_id` text NOT NULL,
	`id` text NOT NULL,
	`shape_id` text NOT NULL,
	`element_human_id` text,
	`category` text NOT NULL,
	`reason` text NOT NULL,
	`marked_by` text NOT NULL,
	`marked_by_name` text NOT NULL,
	`marked_at` integer NOT NULL,
	PRIMARY KEY(`session_id`, `id`),
	FOREIGN KEY (`session_id`) REFERENCES `sessions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `phase_events` (
	`session_id` text NOT NULL,
	`id` text NOT NULL,
	`phase` text NOT NULL,
	`at` integer NOT NULL,
	`by` text NOT NULL,
	`by_name` text NOT NULL,
	PRIMARY KEY(`session_id`, `id`),
	FOREIGN KEY (`session_id`) REFERENCES `sessions`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "phase_events_phase_check" CHECK(phase IN ('scope', 'diagram', 'analyse', 'decide'))
);
--> statement-breakpoint
CREATE INDEX `phase_events_session_at_idx` ON `phase_events` (`session_id`,`at`);--> statement-breakpoint
CREATE TABLE `scope_items` (
	`session_id` text NOT NULL,
	`id` text NOT NULL,
	`kind` text NOT NULL,
	`human_id` text NOT NULL,
	`title` text NOT NULL,
	`description` text NOT NULL,
	`confidentiality` text,
	`integrity` text,
	`availability` text,
	`in_scope` integer NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`session_id`, `id`),
	FOREIGN KEY (`session_id`) REFERENCES `sessions`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "scope_items_kind_check" CHECK(kind IN ('useCase', 'asset', 'threatAgent', 'assumption', 'compliance'))
);
--> statement-breakpoint
CREATE TABLE `threats` (
	`session_id` text NOT NULL,
	`id` text NOT NULL,
	`human_id` text NOT NULL,
	`shape_id` text NOT NULL,
	`element_human_id` text,
	`categories` text NOT NULL,
	`title` text NOT NULL,
	`description` text NOT NULL,
	`likelihood` integer NOT NULL,
	`impact` integer NOT NULL,
	`agreed_likelihood` integer,
	`agreed_impact` integer,
	`mitigation` text NOT NULL,
	`owner` text NOT NULL,
	`due_date` text NOT NULL,
	`issue_url` text NOT NULL,
	`status` text NOT NULL,
	`source_rule_id` text,
	`created_by` text NOT NULL,
	`created_by_name` text NOT NULL,
	`created_at` integer NOT NULL,
	`is_deleted` integer NOT NULL,
	PRIMARY KEY(`session_id`, `id`),
	FOREIGN KEY (`session_id`) REFERENCES `sessions`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "threats_status_check" CHECK(status IN ('Open', 'Confirmed', 'Mitigation Planned', 'Mitigation In Progress', 'Verification Pending', 'Resolved', 'Accepted', 'False Positive', 'Deferred', 'Closed'))
);
--> statement-breakpoint
CREATE INDEX `threats_session_shape_idx` ON `threats` (`session_id`,`shape_id`);--> statement-breakpoint
CREATE TABLE `timer_events` (
	`session_id` text NOT NULL,
	`id` text NOT NULL,
	`phase` text NOT NULL,
	`action` text NOT NULL,
	`amount_ms` integer NOT NULL,
	`at` integer NOT NULL,
	`by` text NOT NULL,
	`by_name` text NOT NULL,
	PRIMARY KEY(`session_id`, `id`),
	FOREIGN KEY (`session_id`) REFERENCES `sessions`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "timer_events_phase_check" CHECK(phase IN ('scope', 'diagram', 'analyse', 'decide')),
	CONSTRAINT "timer_events_action_check" CHECK(action IN ('start', 'pause', 'extend', 'reset'))
);
--> statement-breakpoint
CREATE INDEX `timer_events_session_at_idx` ON `timer_events` (`session_id`,`at`);--> statement-breakpoint
CREATE TABLE `votes` (
	`session_id` text NOT NULL,
	`id` text NOT NULL,
	`threat_id` text NOT NULL,
	`voter_id` text NOT NULL,
	`voter_name` text NOT NULL,
	`likelihood` integer NOT NULL,
	`impact` integer NOT NULL,
	`voted_at` integer NOT NULL,
	PRIMARY KEY(`session_id`, `id`),
	FOREIGN KEY (`session_id`) REFERENCES `sessions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `votes_session_threat_idx` ON `votes` (`session_id`,`threat_id`);--> statement-breakpoint
CREATE TABLE `walk_state` (
	`session_id` text PRIMARY KEY NOT NULL,
	`focus_shape_id` text,
	`phase_minutes` text NOT NULL,
	FOREIGN KEY (`session_id`) REFERENCES `sessions`(`id`) ON UPDATE no action ON DELETE cascade
);
