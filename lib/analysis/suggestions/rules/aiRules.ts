import type { ElementContext, ProcessContext } from '../elementContext'
import type { SuggestionRule } from '../suggestionRule'

/**
 * Only processes someone marked as training or running a model. "Not said" is not enough here —
 * unlike PLOT4ai applicability — because these rules carry STRIDE categories too, and suggesting
 * prompt injection for every process of a plain web shop would drown the room in noise.
 */
function isAiProcess(context: ElementContext): context is ProcessContext {
	return (context.kind === 'process' || context.kind === 'multiprocess') && context.props.aiModel === 'yes'
}

export const AI_RULES = [
	{
		id: 'ai-prompt-injection',
		title: 'Prompt injection and adversarial input',
		description:
			'This process runs a model, and input from a lower trust zone reaches it — directly, or inside documents, emails, web pages or tool results the model reads. Instructions hidden in that content can override the system prompt, exfiltrate data through tool calls or links, or trigger actions the user never asked for.',
		categories: { STRIDE: ['T', 'E'], CIA: ['I'], PLOT4ai: ['cybersecurity', 'safety'] },
		appliesTo: (context) => isAiProcess(context) && context.reachableFromLowerZone,
		defaultLikelihood: 4,
		defaultImpact: 4,
		mitigation:
			'Treat model output as untrusted: no direct execution, allow-listed tools with least privilege, human confirmation for consequential actions; mark untrusted content as data; block exfiltration channels in output (links, markdown images); red-team with known injection sets.',
	},
	{
		id: 'ai-personal-data-in-model',
		title: 'Personal data flows into prompts, training data or vendor logs',
		description:
			"People's input reaches this model. It can end up in training or fine-tuning sets, in prompt logs a model vendor keeps, or in answers to other users (memorisation, membership inference) — usually beyond what the people were told.",
		categories: { STRIDE: ['I'], LINDDUN: ['Dd', 'Nc'], CIA: ['C'], PLOT4ai: ['privacy', 'data'] },
		appliesTo: (context) => isAiProcess(context) && context.upstreamEntities.total > 0,
		defaultLikelihood: 3,
		defaultImpact: 4,
		mitigation:
			'Minimise and redact personal data before it reaches the model; choose vendor terms with zero retention and no training on our data; document training sets with provenance and legal basis; tell people and let them opt out.',
	},
	{
		id: 'ai-decision-without-oversight',
		title: 'Automated decisions without oversight or explanation',
		description:
			"The model's output can decide or steer outcomes for people. Without a record of the inputs and model version, an explanation, and a human who can review and overturn it, a decision can be neither contested nor attributed, and unfair patterns go unnoticed.",
		categories: { STRIDE: ['R'], PLOT4ai: ['accountability', 'transparency', 'bias'] },
		appliesTo: isAiProcess,
		defaultLikelihood: 3,
		defaultImpact: 4,
		mitigation:
			'Log each decision with input, model version and output; give affected people an explanation and an appeal to a human; name an owner for the model; monitor outcomes per group for bias and drift.',
	},
] as const satisfies readonly SuggestionRule[]
