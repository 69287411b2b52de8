// Messages are split by feature; each feature owns its file and registers it here.
import core from './core.json';
import admin from './admin.json';
import apiDocs from './api-docs.json';
import campaigns from './campaigns.json';
import cases from './cases.json';
import casework from './casework.json';
import dashboard from './dashboard.json';
import documents from './documents.json';
import exportsMessages from './exports.json';
import imports from './imports.json';
import notices from './notices.json';
import offenders from './offenders.json';
import picker from './picker.json';
import portal from './portal.json';
import refusals from './refusals.json';
import registry from './registry.json';
import regions from './regions.json';
import search from './search.json';
import taxonomies from './taxonomies.json';
import unavailable from './unavailable.json';

const messages = {
  ...core,
  ...admin,
  ...apiDocs,
  ...campaigns,
  ...cases,
  ...casework,
  ...dashboard,
  ...documents,
  ...exportsMessages,
  ...imports,
  ...notices,
  ...offenders,
  ...picker,
  ...portal,
  ...refusals,
  ...registry,
  ...regions,
  ...search,
  ...taxonomies,
  ...unavailable,
};
export default messages;
