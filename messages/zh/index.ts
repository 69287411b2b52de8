// Messages are split by feature; each feature owns its file and registers it here.
import core from './core.json';
import admin from './admin.json';
import cases from './cases.json';
import dashboard from './dashboard.json';
import imports from './imports.json';
import notices from './notices.json';
import offenders from './offenders.json';
import registry from './registry.json';

const messages = {
  ...core,
  ...admin,
  ...cases,
  ...dashboard,
  ...imports,
  ...notices,
  ...offenders,
  ...registry,
};
export default messages;
