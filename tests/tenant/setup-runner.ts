/**
 * Sends a setup plan's requests (utils/setup/plan.ts) to the simulated tenant, one after another, the way the rendered
 * scripts do: each reference filled in from an earlier answer, each permission id looked up by name in Graph's service
 * principal. The bodies on the wire are exactly the plan's, so a script and its test can't say different things.
 */
import { isRef, type PlanRef, type PlanStep, requestUrl, resolveValue, type SetupPlan } from '../../utils/setup/plan';
import type { Tenant } from './server';
import { call, type TestResponse } from './test-client';

export interface StepOutcome {
  step: PlanStep;
  url: string;
  body: unknown;
  response: TestResponse;
}

export class PlanStopped extends Error {
  constructor(
    readonly outcome: StepOutcome,
    reason: string,
  ) {
    super(`${outcome.step.id} (${outcome.step.method} ${outcome.url}) stopped the script: ${reason}`);
    this.name = 'PlanStopped';
  }
}

function at(value: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>(
      (current, key) => (current && typeof current === 'object' ? (current as Record<string, unknown>)[key] : undefined),
      value,
    );
}

export async function runSetupPlan(
  tenant: Tenant,
  token: string,
  plan: SetupPlan,
): Promise<{ outcomes: StepOutcome[]; refs: Record<string, string>; permissionIds: Record<string, string> }> {
  const refs: Record<string, string> = {};
  const permissionIds: Record<string, string> = {};
  const resolve = (r: PlanRef): string => {
    const value = r.$ref === 'permissionId' ? permissionIds[r.permission] : refs[r.$ref];
    if (!value) throw new Error(`Nothing provided ${JSON.stringify(r)} before it was needed.`);
    return value;
  };
  const outcomes: StepOutcome[] = [];
  for (const step of plan.steps) {
    const url = requestUrl(step, resolve);
    const body = step.body === undefined ? undefined : resolveValue(step.body, resolve);
    const response = await call(tenant, url, {
      method: step.method,
      headers: { authorization: `Bearer ${token}` },
      ...(body !== undefined && { body: body as object }),
    });
    const outcome = { step, url, body, response };
    outcomes.push(outcome);
    if (response.status < 200 || response.status >= 300) throw new PlanStopped(outcome, `${response.status} ${response.text}`);
    const json = response.text ? response.json() : {};
    if (step.expectEmpty && ((json as { value?: unknown[] }).value ?? []).length > 0) {
      throw new PlanStopped(outcome, 'an app registration of that name exists already');
    }
    for (const [name, path] of Object.entries(step.provides ?? {})) {
      const found = at(json, path);
      if (name === 'permissionId') {
        for (const scope of (found ?? []) as { value: string; id: string }[]) permissionIds[scope.value] = scope.id;
        const missing = plan.permissions.filter((permission) => !permissionIds[permission]);
        if (missing.length > 0) throw new PlanStopped(outcome, `Graph publishes no permission named ${missing.join(', ')}`);
      } else if (typeof found === 'string') refs[name] = found;
      else throw new PlanStopped(outcome, `the answer has no ${path}`);
    }
  }
  return { outcomes, refs, permissionIds };
}

export { isRef };
