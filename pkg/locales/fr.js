// French: the messages of errors.
import messages from "./messages/fr.js";

export default { locale: "fr", messages };
