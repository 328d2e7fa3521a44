export { nextSessionDay, toNextSessionIcs } from './nextSessionIcs'
export { PRIORITIES, type Priority, threatPriority } from './threatPriority'
export { toGithubIssuesCsv, toJiraCsv, toTaskBlocks } from './trackerFormats'
export { DEFAULT_TRACKER_PRIORITIES, type TrackerTask, trackerTasks } from './trackerTasks'
