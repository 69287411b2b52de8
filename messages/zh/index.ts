// Messages are split by feature; each feature owns its file and registers it here.
import core from './core.json';
import dashboard from './dashboard.json';
import offenders from './offenders.json';

const messages = { ...core, ...dashboard, ...offenders };
export default messages;
