CREATE TABLE `canvas_documents` (
	`session_id` text PRIMARY KEY NOT NULL,
	`snapshot` text NOT NULL,
	`clock` integer NOT NULL,
	`human_id_counters` text NOT NULL,
	`saved_at` integer NOT NULL,
	FOREIGN KEY (`session_id`) REFERENCES `sessions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `dfd_elements` (
	`session_id` text NOT NULL,
	`shape_id` text NOT NULL,
	`human_id` text NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`description` text NOT NULL,
	`out_of_scope` integer NOT NULL,
	`reason_out_of_scope` text NOT NULL,
	`properties` text NOT NULL,
	`page_id` text NOT NULL,
	`source_shape_id` text,
	`target_shape_id` text,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`session_id`, `shape_id`),
	FOREIGN KEY (`session_id`) REFERENCES `sessions`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "dfd_elements_kind_check" CHECK(kind IN ('entity', 'process', 'multiprocess', 'store', 'flow', 'boundary'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `dfd_elements_session_human_id_unique` ON `dfd_elements` (`session_id`,`human_id`);--> statement-breakpoint
CREATE TABLE `link_tokens` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`session_id` text NOT NULL,
	`role` text NOT NULL,
	`created_at` integer NOT NULL,
	`revoked_at` integer,
	FOREIGN KEY (`session_id`) REFERENCES `sessions`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "link_tokens_role_check" CHECK(role IN ('facilitator', 'participant', 'productOwner', 'observer'))
);
--> statement-breakpoint
CREATE INDEX `link_tokens_session_id_idx` ON `link_tokens` (`session_id`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`framework` text NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	CONSTRAINT "sessions_framework_check" CHECK(framework IN ('STRIDE', 'LINDDUN', 'CIA', 'DIE', 'PLOT4ai')),
	CONSTRAINT "sessions_status_check" CHECK(status IN ('active', 'ended'))
);
