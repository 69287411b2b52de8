// Messages are split by feature; each feature owns its file and registers it here.
import core from './core.json';
import cases from './cases.json';
import dashboard from './dashboard.json';

const messages = { ...core, ...dashboard, ...cases };
export default messages;
