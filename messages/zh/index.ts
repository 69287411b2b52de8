// Messages are split by feature; each feature owns its file and registers it here.
import core from './core.json';
import dashboard from './dashboard.json';
import registry from './registry.json';

const messages = { ...core, ...dashboard, ...registry };
export default messages;
