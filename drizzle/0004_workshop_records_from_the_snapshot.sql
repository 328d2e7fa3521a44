DROP TABLE `na_marks`;--> statement-breakpoint
DROP TABLE `phase_events`;--> statement-breakpoint
DROP TABLE `scope_items`;--> statement-breakpoint
DROP TABLE `timer_events`;--> statement-breakpoint
DROP TABLE `votes`;--> statement-breakpoint
DROP TABLE `walk_state`;