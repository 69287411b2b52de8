// Messages are split by feature; each feature owns its file and registers it here.
import core from './core.json';
import dashboard from './dashboard.json';
import notices from './notices.json';

const messages = { ...core, ...dashboard, ...notices };
export default messages;
