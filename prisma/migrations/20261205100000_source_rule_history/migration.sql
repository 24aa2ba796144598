-- An indicator's 主口径 and cross-source tolerance (核对) are definitions: each change is kept in
-- DefinitionEvent (who, when, before → after, reason) instead of overwriting the rule silently.
ALTER TYPE "DefinitionAction" ADD VALUE 'setSourceRule';
