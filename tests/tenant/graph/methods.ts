/** GET /users/{id}/authentication/methods (graph-docs: authentication-list-methods.md). */
import { ROLE } from '../roles';
import type { DirectoryUser } from '../state';
import { graphV1, ok } from './odata';
import { canReadMethodsOf, denied, hasAnyRole, requireScopes, SCOPES } from './permissions';
import { visiblePass } from './replication';
import { tapEntity } from './tap';
import type { GraphCall, GraphResult } from './types';

/** "The authentication administrator only sees masked phone numbers." (authentication-list-methods.md) */
function maskPhone(phone: unknown): unknown {
  if (typeof phone !== 'string') return phone;
  const digits = phone.replace(/\D/g, '');
  return `${phone.split(' ')[0]} ${'X'.repeat(Math.max(0, digits.length - 3))}${digits.slice(-2)}`;
}

export function listMethods(call: GraphCall, user: DirectoryUser, viaMe: boolean): GraphResult {
  const self = viaMe || user.id === call.caller.user.id;
  const scopeDenied = requireScopes(call.caller, self ? SCOPES.methodsSelf : SCOPES.methodsOthers, call.meta, 'authMethods');
  if (scopeDenied) return scopeDenied;
  if (!self && !canReadMethodsOf(call.runtime.state, call.caller.user, user)) return denied(call.meta, 'authMethods');
  const seesFullPhones =
    self ||
    hasAnyRole(call.runtime.state, call.caller.user, [ROLE.globalAdministrator, ROLE.privilegedAuthenticationAdministrator]);
  const methods = user.methods.map((method) =>
    'phoneNumber' in method && !seesFullPhones ? { ...method, phoneNumber: maskPhone(method.phoneNumber) } : { ...method },
  );
  const pass = visiblePass(call.runtime.state, user.id);
  if (pass) methods.push(tapEntity(call, pass, null, true));
  return ok({ '@odata.context': `${graphV1(call)}/$metadata#users('${user.id}')/authentication/methods`, value: methods });
}
