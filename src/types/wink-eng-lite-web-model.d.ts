/** wink-eng-lite-web-model ships no types: it is the model object wink-nlp takes. */
declare module 'wink-eng-lite-web-model' {
  import type { Model } from 'wink-nlp';
  const model: Model;
  export default model;
}
