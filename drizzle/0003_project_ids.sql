PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_scope_items` (
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
	CONSTRAINT "scope_items_kind_check" CHECK(kind IN ('useCase', 'asset', 'threatAgent', 'assumption', 'compliance', 'outOfScope'))
);
--> statement-breakpoint
INSERT INTO `__new_scope_items`("session_id", "id", "kind", "human_id", "title", "description", "confidentiality", "integrity", "availability", "in_scope", "created_at") SELECT "session_id", "id", "kind", "human_id", "title", "description", "confidentiality", "integrity", "availability", "in_scope", "created_at" FROM `scope_items`;--> statement-breakpoint
DROP TABLE `scope_items`;--> statement-breakpoint
ALTER TABLE `__new_scope_items` RENAME TO `scope_items`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
ALTER TABLE `sessions` ADD `project_prefix` text;--> statement-breakpoint
ALTER TABLE `sessions` ADD `session_number` integer DEFAULT 1 NOT NULL;