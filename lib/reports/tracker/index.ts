export { toNextSessionIcs } from './nextSessionIcs'

export { toGithubIssuesCsv, toJiraCsv, toTaskBlocks } from './trackerFormats'
export { trackerTasks } from './trackerTasks'
